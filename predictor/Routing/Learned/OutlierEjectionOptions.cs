namespace Pipeline.Predictor.Routing.Learned;

/// <summary>
/// Outlier ejection settings, after Envoy's <c>outlier_detection</c> (defaults are Envoy's where Envoy has the knob:
/// consecutive_5xx 5, interval 10 s, base_ejection_time 30 s, max_ejection_time 300 s, max_ejection_percent 10).
/// </summary>
public sealed class OutlierEjectionOptions
{
    /// <summary>Consecutive failed responses that eject a replica (checked per response, in the data plane).</summary>
    public int ConsecutiveErrors { get; init; } = 5;

    /// <summary>Ejection time of the first ejection; the n-th ejection lasts n times this.</summary>
    public TimeSpan BaseEjectionTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound of one ejection (Envoy's max_ejection_time).</summary>
    public TimeSpan MaxEjectionTime { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Healthy time after which a returned replica's ejection multiplier drops by one (Envoy's interval sweep).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Share of replicas that may be ejected at once, in percent (at least one when there are two or more).</summary>
    public double MaxEjectionPercent { get; init; } = 10;

    /// <summary>Per window: a replica whose failed share of responses is at least this is ejected (Envoy's failure_percentage, as a fraction).</summary>
    public double FailureFraction { get; init; } = 0.5;

    /// <summary>Per window: a replica whose mean latency is at least this many times the median of the others is ejected.</summary>
    public double LatencyOutlierFactor { get; init; } = 3;

    /// <summary>Per window: responses a replica needs in the window before the failure and latency rules judge it.</summary>
    public int MinimumRequests { get; init; } = 20;
}
