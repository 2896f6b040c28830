namespace Pipeline.Predictor.Autoscaling.Hpa;

/// <summary>
/// Options of the <c>hpa</c> policy. Defaults are those of Kubernetes (kubernetes.io, "Horizontal Pod Autoscaling":
/// tolerance 0.1, 15 s sync period, scale-down stabilization 300 s, scale-up max(100%, 4 pods) per 15 s, scale-down
/// 100% per 15 s) with a target utilization of 0.7, a common choice for CPU-based HPAs that leaves headroom for the
/// time new replicas take to start.
/// </summary>
public sealed class HpaOptions
{
    /// <summary>Target mean utilization of the ready replicas (0..1], like <c>averageUtilization: 70</c>.</summary>
    public double TargetUtilization { get; set; } = 0.7;

    /// <summary>No scaling while |metric/target - 1| is at most this (<c>--horizontal-pod-autoscaler-tolerance</c>).</summary>
    public double Tolerance { get; set; } = 0.1;

    /// <summary>The controller decides at most once per period of event time (<c>--horizontal-pod-autoscaler-sync-period</c>).</summary>
    public TimeSpan SyncPeriod { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Scale-up behavior; default: no stabilization, max(100%, 4 pods) per 15 s.</summary>
    public HpaScalingRules ScaleUp { get; set; } = new() { StabilizationWindow = TimeSpan.Zero };

    /// <summary>Scale-down behavior; default: 300 s stabilization, 100% per 15 s.</summary>
    public HpaScalingRules ScaleDown { get; set; } = new() { StabilizationWindow = TimeSpan.FromSeconds(300) };

    /// <summary>Kubernetes' default scale-up policies.</summary>
    public static IReadOnlyList<HpaScalingPolicy> DefaultScaleUpPolicies { get; } =
    [
        new() { Type = HpaPolicyType.Percent, Value = 100, Period = TimeSpan.FromSeconds(15) },
        new() { Type = HpaPolicyType.Pods, Value = 4, Period = TimeSpan.FromSeconds(15) },
    ];

    /// <summary>Kubernetes' default scale-down policy.</summary>
    public static IReadOnlyList<HpaScalingPolicy> DefaultScaleDownPolicies { get; } =
    [
        new() { Type = HpaPolicyType.Percent, Value = 100, Period = TimeSpan.FromSeconds(15) },
    ];

    internal IReadOnlyList<HpaScalingPolicy> ScaleUpPolicies => ScaleUp.Policies ?? DefaultScaleUpPolicies;
    internal IReadOnlyList<HpaScalingPolicy> ScaleDownPolicies => ScaleDown.Policies ?? DefaultScaleDownPolicies;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (!double.IsFinite(TargetUtilization) || TargetUtilization <= 0)
            throw new ArgumentException($"Hpa.TargetUtilization: must be > 0, was {TargetUtilization}");
        if (!double.IsFinite(Tolerance) || Tolerance < 0)
            throw new ArgumentException($"Hpa.Tolerance: must be >= 0, was {Tolerance}");
        if (SyncPeriod < TimeSpan.Zero)
            throw new ArgumentException($"Hpa.SyncPeriod: must be >= 0, was {SyncPeriod}");
        ValidateRules("ScaleUp", ScaleUp);
        ValidateRules("ScaleDown", ScaleDown);
    }

    private static void ValidateRules(string name, HpaScalingRules rules)
    {
        if (rules.StabilizationWindow < TimeSpan.Zero || rules.StabilizationWindow > TimeSpan.FromHours(1))
            throw new ArgumentException($"Hpa.{name}.StabilizationWindow: must be between 0 and 1 h, was {rules.StabilizationWindow}");
        if (rules.Policies is { Count: 0 } && rules.SelectPolicy != HpaSelectPolicy.Disabled)
            throw new ArgumentException($"Hpa.{name}.Policies: must not be empty unless SelectPolicy is Disabled");
        foreach (var p in rules.Policies ?? [])
        {
            if (p.Value <= 0)
                throw new ArgumentException($"Hpa.{name}.Policies: value must be > 0, was {p.Value}");
            if (p.Period <= TimeSpan.Zero || p.Period > TimeSpan.FromMinutes(30))
                throw new ArgumentException($"Hpa.{name}.Policies: period must be between 1 s and 30 min, was {p.Period}");
        }
    }
}
