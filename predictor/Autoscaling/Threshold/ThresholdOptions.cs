namespace Pipeline.Predictor.Autoscaling.Threshold;

/// <summary>
/// Options of the <c>threshold</c> policy: classic rule-based simple scaling (the paper's "traditional" autoscaler).
/// Defaults and where they come from:
/// <list type="bullet">
/// <item><see cref="ScaleOutAfter"/> 3 min and <see cref="ScaleInAfter"/> 15 min: the alarms AWS target tracking creates
/// (scale out after 3 one-minute datapoints above, scale in after 15 below; AWS Application Auto Scaling guide).</item>
/// <item><see cref="Cooldown"/> 300 s: the EC2 Auto Scaling default cooldown of simple scaling policies
/// (<c>DefaultCooldown</c>, "Default: 300 seconds").</item>
/// <item><see cref="UpperThreshold"/> 0.8: the usual "scale out near saturation" alarm; just above the utilization at
/// which a 4-worker replica stops meeting the default SLA (the queueing model in <c>simulator/Queueing</c>: 0.725 for
/// lognormal 200 ms, cv 0.5, SLO 1 s at 99.9%), so, like the classic rules, it reacts once the SLA is at risk.</item>
/// <item><see cref="LowerThreshold"/> 0.3: below upper/2, so removing one of N ≥ 2 replicas at the lower threshold
/// leaves at most 2 × 0.3 = 0.6 &lt; 0.8 on the rest: a scale-in never triggers the next scale-out (no flapping).</item>
/// </list>
/// </summary>
public sealed class ThresholdOptions
{
    /// <summary>Scale out when the mean utilization of the ready replicas stays above this. Default 0.8.</summary>
    public double UpperThreshold { get; set; } = 0.8;

    /// <summary>Scale in when the mean utilization stays below this. Default 0.3.</summary>
    public double LowerThreshold { get; set; } = 0.3;

    /// <summary>How long utilization must stay above <see cref="UpperThreshold"/> (consecutive windows). Default 3 min.</summary>
    public TimeSpan ScaleOutAfter { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How long utilization must stay below <see cref="LowerThreshold"/> (consecutive windows). Default 15 min.</summary>
    public TimeSpan ScaleInAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>No scaling within this time after the last scaling action, in either direction. Default 300 s.</summary>
    public TimeSpan Cooldown { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>Replicas added or removed per action. Default 1.</summary>
    public int Step { get; set; } = 1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (!(UpperThreshold > 0 && UpperThreshold <= 1)) throw new ArgumentException($"Threshold.UpperThreshold: must be in (0, 1], was {UpperThreshold}");
        if (!(LowerThreshold >= 0 && LowerThreshold < UpperThreshold)) throw new ArgumentException($"Threshold.LowerThreshold: must be in [0, UpperThreshold), was {LowerThreshold}");
        if (ScaleOutAfter < TimeSpan.Zero || ScaleInAfter < TimeSpan.Zero || Cooldown < TimeSpan.Zero)
            throw new ArgumentException("Threshold: ScaleOutAfter, ScaleInAfter and Cooldown must be >= 0");
        if (Step < 1) throw new ArgumentException($"Threshold.Step: must be >= 1, was {Step}");
    }
}
