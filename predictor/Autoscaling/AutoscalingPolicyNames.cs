namespace Pipeline.Predictor.Autoscaling;

/// <summary>Names of the autoscaling policies built into the predictor.</summary>
public static class AutoscalingPolicyNames
{
    /// <summary>The Kubernetes Horizontal Pod Autoscaler on utilization (<c>Hpa.HpaOptions</c>).</summary>
    public const string Hpa = "hpa";

    /// <summary>Forecast-driven scaling (predictor/Autoscaling/Predictive).</summary>
    public const string Predictive = "predictive";

    /// <summary>Rule-based step scaling with cooldown, the paper's "traditional" baseline (<c>Threshold.ThresholdOptions</c>).</summary>
    public const string Threshold = "threshold";
}
