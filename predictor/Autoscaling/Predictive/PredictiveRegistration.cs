namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>Adds the <c>predictive</c> policy to an <see cref="AutoscalingPolicyRegistry"/>.</summary>
public static class PredictiveRegistration
{
    /// <summary>
    /// Registers <c>predictive</c> with <paramref name="options"/> (defaults when null; validated now so a bad option
    /// fails at start-up). Each created policy gets fresh per-service state.
    /// </summary>
    public static AutoscalingPolicyRegistry AddPredictive(this AutoscalingPolicyRegistry registry, PredictiveOptions? options = null)
    {
        var o = options ?? new PredictiveOptions();
        o.Validate();
        return registry.Add(AutoscalingPolicyNames.Predictive, () => new PredictivePolicy(o));
    }

    /// <summary>A new <c>predictive</c> policy.</summary>
    public static IAutoscalingPolicy Create(PredictiveOptions? options = null) => new PredictivePolicy(options ?? new PredictiveOptions());
}
