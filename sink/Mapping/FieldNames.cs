using System.Text;

namespace Pipeline.Sink.Mapping;

/// <summary>Field keys derived from dictionary keys of messages (normalized features, decision inputs).</summary>
public static class FieldNames
{
    /// <summary><paramref name="prefix"/> + the key in snake_case: <c>("norm_", "requestRate")</c> → <c>norm_request_rate</c>.</summary>
    public static string Prefixed(string prefix, string key)
    {
        var name = new StringBuilder(prefix, prefix.Length + key.Length + 4);
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && key[i - 1] is not ('_' or '-' or '.')) name.Append('_');
                name.Append(char.ToLowerInvariant(c));
            }
            else name.Append(c is '-' or '.' or ' ' ? '_' : c);
        }
        return name.ToString();
    }
}
