using System.Globalization;
using Pipeline.Simulator.Frontier;

namespace Pipeline.Cli.Commands;

/// <summary>Parsing of <c>pipeline evaluate --frontier</c>'s sweep arguments.</summary>
internal static class FrontierArguments
{
    /// <summary>Comma-separated HPA targets in (0, 1], e.g. <c>0.3,0.5,0.7</c>; null or empty: the plan's default.</summary>
    public static IReadOnlyList<double>? Targets(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return [.. EvaluateArguments.List(text).Select(t =>
            double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var u) && u > 0 && u <= 1
                ? u
                : throw new ArgumentException($"--frontier-targets: '{t}' is not a utilization in (0, 1]"))];
    }

    /// <summary>
    /// Comma-separated predictive settings <c>EXPECTED/UPPER</c> (each a utilization or <c>target</c>) or <c>default</c>,
    /// e.g. <c>default,target/target,0.9/0.9</c>; null or empty: the plan's default.
    /// </summary>
    public static IReadOnlyList<FrontierKnob>? Knobs(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return [.. EvaluateArguments.List(text).Select(Knob)];
    }

    private static FrontierKnob Knob(string text)
    {
        if (text.Equals("default", StringComparison.OrdinalIgnoreCase)) return new("default", null);
        if (text.Equals("utilization", StringComparison.OrdinalIgnoreCase)) return new("utilization", p => p.Sla = null);
        var parts = text.Split('/');
        if (parts.Length != 2) throw new ArgumentException($"--frontier-predictive: '{text}' is neither 'default', 'utilization' nor EXPECTED/UPPER (e.g. 0.9/0.8 or target/target)");
        var expected = EvaluateArguments.Sizing(parts[0], "--frontier-predictive (expected)");
        var upper = EvaluateArguments.Sizing(parts[1], "--frontier-predictive (upper)");
        // Fixed utilizations are the utilization sizing's knob: the SLA sizing has none of its own.
        return new($"expected {parts[0]} / upper {parts[1]}", p =>
        {
            p.Sla = null;
            p.ExpectedUtilization = expected.Value;
            p.UpperBoundUtilization = upper.Value;
        });
    }
}
