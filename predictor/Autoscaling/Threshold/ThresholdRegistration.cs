namespace Pipeline.Predictor.Autoscaling.Threshold;

/// <summary>Adds the <c>threshold</c> policy to an <see cref="AutoscalingPolicyRegistry"/>.</summary>
public static class ThresholdRegistration
{
    /// <summary>Registers <c>threshold</c> with <paramref name="options"/> (defaults when null; validated now).</summary>
    public static AutoscalingPolicyRegistry AddThreshold(this AutoscalingPolicyRegistry registry, ThresholdOptions? options = null)
    {
        var o = options ?? new ThresholdOptions();
        o.Validate();
        return registry.Add(AutoscalingPolicyNames.Threshold, () => new ThresholdPolicy(o));
    }
}
