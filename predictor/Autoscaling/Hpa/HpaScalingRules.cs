namespace Pipeline.Predictor.Autoscaling.Hpa;

/// <summary>Kind of an <see cref="HpaScalingPolicy"/> (Kubernetes <c>HPAScalingPolicyType</c>).</summary>
public enum HpaPolicyType
{
    /// <summary>Change by at most <see cref="HpaScalingPolicy.Value"/> replicas per period.</summary>
    Pods,

    /// <summary>Change by at most <see cref="HpaScalingPolicy.Value"/> percent of the replicas at the period's start.</summary>
    Percent,
}

/// <summary>How the limits of several policies combine (Kubernetes <c>selectPolicy</c>).</summary>
public enum HpaSelectPolicy
{
    /// <summary>The policy allowing the largest change (the Kubernetes default).</summary>
    Max,

    /// <summary>The policy allowing the smallest change.</summary>
    Min,

    /// <summary>No scaling in this direction.</summary>
    Disabled,
}

/// <summary>One rate-limit policy (Kubernetes <c>HPAScalingPolicy</c>).</summary>
public sealed class HpaScalingPolicy
{
    public HpaPolicyType Type { get; set; } = HpaPolicyType.Percent;

    /// <summary>Replicas or percent per <see cref="Period"/> (&gt; 0).</summary>
    public int Value { get; set; } = 100;

    /// <summary>Look-back period of the policy (Kubernetes allows 1 s to 30 min).</summary>
    public TimeSpan Period { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>"100% per 15s" or "4 pods per 15s".</summary>
    public override string ToString() =>
        $"{Value}{(Type == HpaPolicyType.Percent ? "%" : Value == 1 ? " pod" : " pods")} per {Period.TotalSeconds:0.###}s";
}

/// <summary>Behavior of one scaling direction (Kubernetes <c>HPAScalingRules</c>).</summary>
public sealed class HpaScalingRules
{
    /// <summary>Recommendations within this window are considered: scale-up takes their minimum, scale-down their maximum.</summary>
    public TimeSpan StabilizationWindow { get; set; }

    /// <summary>Rate-limit policies; null means the Kubernetes default of the direction (see <see cref="HpaOptions"/>).</summary>
    public List<HpaScalingPolicy>? Policies { get; set; }

    public HpaSelectPolicy SelectPolicy { get; set; } = HpaSelectPolicy.Max;
}
