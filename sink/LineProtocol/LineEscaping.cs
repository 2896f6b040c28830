using System.Text;

namespace Pipeline.Sink.LineProtocol;

/// <summary>
/// Escaping rules of the InfluxDB 1.x line protocol ("Special characters" in the line protocol reference):
/// measurement names escape commas and spaces; tag keys, tag values and field keys escape commas, equals signs and
/// spaces; string field values are double-quoted and escape double quotes and backslashes.
/// Two cases the 1.x protocol cannot express outside string values are written so that the line still parses:
/// line breaks become (escaped) spaces, and a backslash at the end of a name or right before a character that needs
/// escaping becomes <c>/</c> (influxd does not unescape <c>\\</c>, so such a backslash would swallow the separator).
/// </summary>
public static class LineEscaping
{
    private static readonly char[] MeasurementSpecials = [',', ' '];
    private static readonly char[] KeySpecials = [',', '=', ' '];

    /// <summary>Appends a measurement name.</summary>
    public static void AppendMeasurement(StringBuilder line, string name) => AppendEscaped(line, name, MeasurementSpecials);

    /// <summary>Appends a tag key, tag value or field key.</summary>
    public static void AppendKey(StringBuilder line, string key) => AppendEscaped(line, key, KeySpecials);

    /// <summary>Appends a string field value with its surrounding double quotes.</summary>
    public static void AppendStringValue(StringBuilder line, string value)
    {
        line.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\') line.Append('\\');
            line.Append(c);
        }
        line.Append('"');
    }

    private static void AppendEscaped(StringBuilder line, string text, char[] specials)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r') line.Append("\\ ");
            else if (Array.IndexOf(specials, c) >= 0) line.Append('\\').Append(c);
            else if (c == '\\' && (i == text.Length - 1 || Array.IndexOf(specials, text[i + 1]) >= 0 || text[i + 1] is '\n' or '\r'))
                line.Append('/');
            else line.Append(c);
        }
    }
}
