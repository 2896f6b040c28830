namespace Pipeline.Predictor.Autoscaling.Hpa;

/// <summary>Values of <c>ScaleDecision.Rule</c> the <c>hpa</c> policy produces.</summary>
public static class HpaRules
{
    /// <summary>Less than one sync period after the last sync: current count kept.</summary>
    public const string SyncPeriod = "sync-period";

    /// <summary>Scale target at 0 replicas with minReplicas &gt; 0: Kubernetes treats autoscaling as disabled.</summary>
    public const string Disabled = "disabled";

    /// <summary>No ready replica reported utilization: current count kept.</summary>
    public const string NoMetrics = "no-metrics";

    public const string WithinTolerance = "within-tolerance";
    public const string DirectionReversed = "direction-reversed";
    public const string ScaleUp = "scale-up";
    public const string ScaleDown = "scale-down";
    public const string Stabilized = "stabilized";
    public const string RateLimited = "rate-limited";
    public const string Bound = "bound";
}
