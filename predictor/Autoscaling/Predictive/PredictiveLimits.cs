namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// Scale-down stabilization (the highest recommendation of the trailing window), then the maximum step per decision
/// (up: max(<see cref="PredictiveOptions.MaxScaleUpStep"/>, current); down: <see cref="PredictiveOptions.MaxScaleDownFraction"/>
/// of current), then the min/max bounds. <see cref="Rule"/> names the last rule that changed the count, else the plan's.
/// </summary>
internal sealed record PredictiveLimits(int Final, int Stabilized, string Rule, string? Detail)
{
    public static PredictiveLimits Apply(PredictivePlan plan, PredictiveServiceState state, AutoscalingContext context, PredictiveOptions options)
    {
        var current = context.CurrentReplicas;
        var rule = plan.Rule;
        string? detail = null;
        var stabilized = state.Stabilize(context.Now, plan.Recommended, options.ScaleDownStabilization);
        var value = plan.Recommended;
        if (stabilized > value && value < current)
        {
            value = Math.Min(stabilized, Math.Max(current, value));
            if (value != plan.Recommended)
            {
                rule = PredictiveRules.Stabilized;
                detail = $"scale-down stabilized at {value}, the highest recommendation in the last {options.ScaleDownStabilization.TotalSeconds:0}s";
            }
        }
        var up = current + Math.Max(options.MaxScaleUpStep, current);
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
