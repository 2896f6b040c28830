namespace Pipeline.Predictor.Autoscaling.Threshold;

/// <summary>One step of the threshold rules: the desired replicas and the rule that decided them.</summary>
public sealed record ThresholdStep(int Desired, string Rule);

/// <summary>
/// The pure rules of step scaling with cooldown, one window at a time: track how long the mean utilization has stayed
/// above the upper / below the lower threshold; once it has for the configured time and the cooldown since the last
/// action is over, add / remove <see cref="ThresholdOptions.Step"/> replicas (within the bounds). As with simple
/// scaling policies, a breach that persists past the cooldown scales again.
/// </summary>
public static class ThresholdRules
{
    public const string NoMetrics = "no-metrics";
    public const string Bound = "bound";
    public const string Cooldown = "cooldown";
    public const string ScaleOut = "scale-out";
    public const string ScaleIn = "scale-in";
    public const string Hold = "hold";

    /// <summary>Applies one window [<paramref name="windowStart"/>, <paramref name="windowEnd"/>] at <paramref name="utilization"/> (NaN: none).</summary>
    public static ThresholdStep Next(ThresholdOptions o, ThresholdState state, DateTimeOffset windowStart, DateTimeOffset windowEnd,
        double utilization, int current, int min, int max)
    {
        if (current < min || current > max) return Act(state, windowEnd, Math.Clamp(current, min, max), Bound);
        if (!double.IsFinite(utilization)) return new(current, NoMetrics);
        if (utilization > o.UpperThreshold) { state.AboveSince ??= windowStart; state.BelowSince = null; }
        else if (utilization < o.LowerThreshold) { state.BelowSince ??= windowStart; state.AboveSince = null; }
        else { state.AboveSince = null; state.BelowSince = null; }

        var outDue = state.AboveSince is { } a && windowEnd - a >= o.ScaleOutAfter && current < max;
        var inDue = state.BelowSince is { } b && windowEnd - b >= o.ScaleInAfter && current > min;
        if (!outDue && !inDue) return new(current, Hold);
        if (state.LastScaleAt is { } last && windowEnd - last < o.Cooldown) return new(current, Cooldown);
        return outDue
            ? Act(state, windowEnd, Math.Min(max, current + o.Step), ScaleOut)
            : Act(state, windowEnd, Math.Max(min, current - o.Step), ScaleIn);
    }

    private static ThresholdStep Act(ThresholdState state, DateTimeOffset at, int desired, string rule)
    {
        state.LastScaleAt = at;
        return new(desired, rule);
    }
}
