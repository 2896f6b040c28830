namespace Pipeline.Predictor.Service;

/// <summary>Options of the predictor stage.</summary>
public sealed class PredictorOptions
{
    /// <summary>Autoscaling policy name (<see cref="Autoscaling.AutoscalingPolicyNames"/>).</summary>
    public string AutoscalingPolicy { get; set; } = Autoscaling.AutoscalingPolicyNames.Hpa;

    /// <summary>Routing policy name; empty disables route decisions.</summary>
    public string RoutingPolicy { get; set; } = "equal";

    /// <summary>Fewest replicas a policy may ask for.</summary>
    public int MinReplicas { get; set; } = 1;

    /// <summary>Most replicas a policy may ask for.</summary>
    public int MaxReplicas { get; set; } = 50;
}
