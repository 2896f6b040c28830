using System.Globalization;

namespace Pipeline.Fleet.Hosting;

/// <summary>Parses the short durations of query strings: <c>500ms</c>, <c>30s</c>, <c>2m</c>, or plain seconds.</summary>
internal static class DurationText
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        (string Suffix, double Seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60)];
        var scale = 1.0;
        foreach (var (suffix, seconds) in units)
        {
            if (!t.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) continue;
            t = t[..^suffix.Length];
            scale = seconds;
            break;
        }
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value >= 0) || !double.IsFinite(value)) return false;
        duration = TimeSpan.FromSeconds(value * scale);
        return true;
    }
}
