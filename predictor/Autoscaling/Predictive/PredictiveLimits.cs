namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// Scale-down stabilization (the highest recommendation of the trailing window, <see cref="StabilizationHold"/>), then the maximum step per decision
/// (up: max(<see cref="PredictiveOptions.MaxScaleUpStep"/>, current); down: <see cref="PredictiveOptions.MaxScaleDownFraction"/>
/// of current), then the min/max bounds. On a surprise (<paramref name="unlimitedUp"/>, with <see cref="PredictiveOptions.SurgeGrowth"/>)
/// the step up is not limited: the limit guards against one reading's spike, a surprise is two windows in a row above a
/// calibrated bound (0.25% by chance), and a doubling per decision would add a window's delay to the start-up delay for
/// every doubling a surge needs. <see cref="Rule"/> names the last rule that changed the count, else the plan's.
/// </summary>
internal sealed record PredictiveLimits(int Final, int Stabilized, string Rule, string? Detail)
{
    public static PredictiveLimits Apply(PredictivePlan plan, PredictiveServiceState state, AutoscalingContext context, PredictiveOptions options, bool unlimitedUp = false)
    {
        var current = context.CurrentReplicas;
        var rule = plan.Rule;
        string? detail = null;
        var hold = StabilizationHold.For(state, options);
        var stabilized = state.Stabilize(context.Now, plan.Recommended, hold);
        var value = plan.Recommended;
        if (stabilized > value && value < current)
        {
            value = Math.Min(stabilized, Math.Max(current, value));
            if (value != plan.Recommended)
            {
                rule = PredictiveRules.Stabilized;
                detail = $"scale-down stabilized at {value}, the highest recommendation in the last {hold.TotalSeconds:0}s";
            }
        }
        var up = unlimitedUp ? int.MaxValue : current + Math.Max(options.MaxScaleUpStep, current);
        var down = current - Math.Max(1, (int)Math.Floor(current * options.MaxScaleDownFraction));
        if (value > up || value < down)
        {
            var limited = Math.Clamp(value, down, up);
            detail = $"wanted {value}; step limited to {limited} (at most +{up - current}/-{current - down} per decision)";
            value = limited;
            rule = PredictiveRules.RateLimited;
        }
        if (value < context.MinReplicas || value > context.MaxReplicas)
        {
            var bounded = Math.Clamp(value, context.MinReplicas, context.MaxReplicas);
            detail = $"wanted {value}; bounded to {bounded} by [{context.MinReplicas}, {context.MaxReplicas}]";
            value = bounded;
            rule = PredictiveRules.Bound;
        }
        return new PredictiveLimits(value, stabilized, rule, detail);
    }
}
