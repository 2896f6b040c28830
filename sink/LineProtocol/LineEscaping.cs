using System.Text;

namespace Pipeline.Sink.LineProtocol;

/// <summary>
/// Escaping rules of the InfluxDB 1.x line protocol ("Special characters" in the line protocol reference):
/// measurement names escape commas and spaces; tag keys, tag values and field keys escape commas, equals signs and
/// spaces; string field values are double-quoted and escape double quotes and backslashes. Line breaks cannot be
/// escaped outside string field values, so they are written as (escaped) spaces there.
/// </summary>
public static class LineEscaping
{
    /// <summary>Appends a measurement name.</summary>
    public static void AppendMeasurement(StringBuilder line, string name)
    {
        foreach (var c in name)
        {
            switch (c)
            {
                case ',' or ' ': line.Append('\\').Append(c); break;
                case '\n' or '\r': line.Append("\\ "); break;
                default: line.Append(c); break;
            }
        }
    }

    /// <summary>Appends a tag key, tag value or field key.</summary>
    public static void AppendKey(StringBuilder line, string key)
    {
        foreach (var c in key)
        {
            switch (c)
            {
                case ',' or '=' or ' ': line.Append('\\').Append(c); break;
                case '\n' or '\r': line.Append("\\ "); break;
                default: line.Append(c); break;
            }
        }
    }

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
}
