using System.Globalization;
using System.Text;

namespace Pipeline.Sink.LineProtocol;

/// <summary>Formats <see cref="Point"/>s as InfluxDB 1.x line protocol, one line per point, timestamps in nanoseconds.</summary>
public static class LineProtocolFormatter
{
    /// <summary>
    /// Appends <paramref name="point"/> and a trailing newline; returns false (appending nothing) when it has no
    /// writable field, since a line needs at least one and NaN/±Infinity cannot be written.
    /// </summary>
    public static bool Append(StringBuilder buffer, Point point)
    {
        if (!point.HasWritableFields) return false;
        LineEscaping.AppendMeasurement(buffer, point.Measurement);
        foreach (var (key, value) in point.Tags)
        {
            buffer.Append(',');
            LineEscaping.AppendKey(buffer, key);
            buffer.Append('=');
            LineEscaping.AppendKey(buffer, value);
        }
        var separator = ' ';
        foreach (var (key, value) in point.Fields)
        {
            if (!value.IsWritable) continue;
            buffer.Append(separator);
            separator = ',';
            LineEscaping.AppendKey(buffer, key);
            buffer.Append('=');
            if (value.Kind == FieldKind.String) LineEscaping.AppendStringValue(buffer, value.Text ?? "");
            else buffer.Append(value.ToString());
        }
        buffer.Append(' ').Append(point.TimestampNs.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return true;
    }

    /// <summary>The line protocol of <paramref name="points"/>; points without writable fields are left out.</summary>
    public static string Format(IEnumerable<Point> points)
    {
        var buffer = new StringBuilder();
        foreach (var point in points) Append(buffer, point);
        return buffer.ToString();
    }
}
