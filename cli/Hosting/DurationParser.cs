using System.CommandLine;
using System.Globalization;

namespace Pipeline.Cli.Hosting;

/// <summary>Parses durations written as <c>60s</c>, <c>500ms</c>, <c>2m</c>, <c>1h</c>, <c>1d</c> or <c>hh:mm:ss</c>.</summary>
internal static class DurationParser
{
    /// <summary>The duration <paramref name="text"/> denotes; throws <see cref="FormatException"/> naming the accepted forms.</summary>
    public static TimeSpan Parse(string text)
    {
        var t = text.Trim();
        (string Suffix, double Seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)];
        foreach (var (suffix, seconds) in units)
        {
            if (t.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(t[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                && value >= 0 && double.IsFinite(value))
                return TimeSpan.FromSeconds(value * seconds);
        }
        if (TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero) return span;
        throw new FormatException($"'{text}' is not a duration; use e.g. 500ms, 60s, 2m, 1h or 00:01:00");
    }

    /// <summary>An option holding a duration, with a default.</summary>
    public static Option<TimeSpan> Option(string name, TimeSpan defaultValue, string description) => new(name)
    {
        Description = $"{description} (e.g. 500ms, 15s, 2m; default {Format(defaultValue)}).",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            try
            {
                return Parse(token);
            }
            catch (FormatException e)
            {
                result.AddError(e.Message);
                return defaultValue;
            }
        },
    };

    private static string Format(TimeSpan span) =>
        span.TotalMilliseconds < 1000 ? $"{span.TotalMilliseconds:0}ms" : $"{span.TotalSeconds:0.###}s";
}
