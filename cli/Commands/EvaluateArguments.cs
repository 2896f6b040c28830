using System.Globalization;

namespace Pipeline.Cli.Commands;

/// <summary>Parsing of <c>pipeline evaluate</c>'s duration, time and list arguments.</summary>
internal static class EvaluateArguments
{
    /// <summary>
    /// A duration: a number with a unit (<c>7d</c>, <c>12h</c>, <c>30m</c>, <c>90s</c>, <c>1.5d</c>) or a TimeSpan
    /// (<c>1.00:00:00</c>). Throws <see cref="ArgumentException"/> naming the option otherwise.
    /// </summary>
    public static TimeSpan Duration(string text, string option)
    {
        var t = text.Trim();
        if (t.Length > 1 && "smhdw".Contains(char.ToLowerInvariant(t[^1]))
            && double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= 0 && double.IsFinite(n))
        {
            return char.ToLowerInvariant(t[^1]) switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => TimeSpan.FromDays(7 * n),
            };
        }
        if (TimeSpan.TryParse(t, CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero) return span;
        throw new ArgumentException($"{option}: '{text}' is not a duration (e.g. 7d, 12h, 30m, 90s or 1.00:00:00)");
    }

    /// <summary>The start as an offset from the trace's first row: a duration, or an ISO-8601 UTC timestamp inside the trace.</summary>
    public static TimeSpan Start(string? text, DateTimeOffset traceStart)
    {
        if (string.IsNullOrWhiteSpace(text)) return TimeSpan.Zero;
        if (text.Contains('T') && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            var offset = at - traceStart;
            if (offset < TimeSpan.Zero) throw new ArgumentException($"--start: {text} is before the trace's first row ({traceStart:u})");
            return offset;
        }
        return Duration(text, "--start");
    }

    /// <summary>Comma-separated names, trimmed, empty entries dropped.</summary>
    public static IReadOnlyList<string> List(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>
    /// A predictive sizing utilization: null when the option was not given (keep the policy's default), "target" for the
    /// literal rule (sized at the target utilization), else a number in (0, 1].
    /// </summary>
    public static (bool Given, double? Value) Sizing(string? text, string option)
    {
        if (text is null) return (false, null);
        if (text.Trim().Equals("target", StringComparison.OrdinalIgnoreCase)) return (true, null);
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var u) && u > 0 && u <= 1) return (true, u);
        throw new ArgumentException($"{option}: '{text}' is neither a utilization in (0, 1] nor 'target'");
    }

    /// <summary>An on/off setting: null when the option was not given (keep the policy's default).</summary>
    public static bool? OnOff(string? text, string option) => text switch
    {
        null => null,
        "on" => true,
        "off" => false,
        _ => throw new ArgumentException($"{option}: '{text}' is not a setting; use 'on' or 'off'"),
    };
}
