using Pipeline.Predictor.Autoscaling;
using Pipeline.Predictor.Autoscaling.Predictive;
using Pipeline.Predictor.Routing;

namespace Pipeline.Predictor.Service;

/// <summary>
/// The one options object of the decision step, with the evaluated defaults, shared by <c>pipeline evaluate</c>, the
/// live predictor and the demo: which policies run, the target utilization every policy sizes for, the replica
/// start-up time the predictive policy plans across, and the replica bounds.
/// </summary>
public sealed class PredictorOptions
{
    /// <summary>Autoscaling policy name (<see cref="AutoscalingPolicyNames"/>); default the predictive policy.</summary>
    public string AutoscalingPolicy { get; set; } = AutoscalingPolicyNames.Predictive;

    /// <summary>Routing policy name (<see cref="RoutingPolicyNames"/>); empty disables route decisions. Default learned.</summary>
    public string RoutingPolicy { get; set; } = RoutingPolicyNames.Learned;

    /// <summary>
    /// A policy run beside the acting one on the same windows, whose answer each decision's explanation states (default
    /// <c>hpa</c>; empty for none; ignored when it is the acting policy).
    /// </summary>
    public string ShadowPolicy { get; set; } = AutoscalingPolicyNames.Hpa;

    /// <summary>Target mean utilization of the ready replicas for every policy (HPA's target; the predictive policy's floor). Default 0.6, as evaluated.</summary>
    public double TargetUtilization { get; set; } = 0.6;

    /// <summary>Time from requesting a replica to its first request, which the predictive policy forecasts across. Default 60 s, as evaluated.</summary>
    public TimeSpan StartupDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Fewest replicas a policy may ask for.</summary>
    public int MinReplicas { get; set; } = 1;

    /// <summary>Most replicas a policy may ask for.</summary>
    public int MaxReplicas { get; set; } = 50;

    /// <summary>
    /// The predictive policy's own options; <see cref="PredictiveOptions.TargetUtilization"/> and
    /// <see cref="PredictiveOptions.StartupDelay"/> are overwritten from this object. Default: the simulator's
    /// synchronous trainer, nothing persisted (the live stage uses <see cref="PredictiveOptions.Live"/>).
    /// </summary>
    public PredictiveOptions Predictive { get; set; } = new();

    /// <summary>
    /// Most services the live predictor stage decides for; a window of a further service is dead-lettered ("limit: ...").
    /// Each service holds policy state (the predictive policy's rate history and models), so this bounds the stage's
    /// memory together with <see cref="EvictIdleAfter"/>. Default 1,000.
    /// </summary>
    public int MaxServices { get; set; } = 1_000;

    /// <summary>
    /// A service with no window for this long (event time) is forgotten: its policy state and applied count are dropped
    /// and its place under <see cref="MaxServices"/> is freed; a later window starts it afresh (the predictive policy then
    /// reloads its persisted history and model). Default 1 h, the features stage's own eviction time: a service idle that
    /// long has its windows started afresh there too. Zero: never.
    /// </summary>
    public TimeSpan EvictIdleAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How far back an instance that is assigned a partition replays its windows and actuation results to rebuild the
    /// policies' state (scale-out, restarts). A day covers the HPA's stabilization, the predictive policy's minimum history
    /// and a daily season; each assignment reads that much of the partition.
    /// </summary>
    public TimeSpan StateReplay { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (!(TargetUtilization > 0 && TargetUtilization <= 1)) throw new ArgumentException($"TargetUtilization: must be in (0, 1], was {TargetUtilization}");
        if (StateReplay < TimeSpan.Zero) throw new ArgumentException($"StateReplay: must be >= 0, was {StateReplay}");
        if (StartupDelay < TimeSpan.Zero) throw new ArgumentException($"StartupDelay: must be >= 0, was {StartupDelay}");
        if (EvictIdleAfter < TimeSpan.Zero) throw new ArgumentException($"EvictIdleAfter: must be >= 0, was {EvictIdleAfter}");
        if (MaxServices < 1) throw new ArgumentException($"MaxServices: must be >= 1, was {MaxServices}");
        if (MinReplicas < 0 || MaxReplicas < Math.Max(1, MinReplicas))
            throw new ArgumentException($"MinReplicas/MaxReplicas: need 0 <= min <= max and max >= 1, was [{MinReplicas}, {MaxReplicas}]");
    }
}
