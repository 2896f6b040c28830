namespace Pipeline.Predictor.Autoscaling.Threshold;

/// <summary>What the threshold rules remember per service: since when each threshold is breached, and the last action.</summary>
public sealed class ThresholdState
{
    /// <summary>Start of the first window of the current run of windows above the upper threshold; null when not above.</summary>
    public DateTimeOffset? AboveSince { get; set; }

    /// <summary>Start of the first window of the current run of windows below the lower threshold; null when not below.</summary>
    public DateTimeOffset? BelowSince { get; set; }

    /// <summary>Time of the last scaling action (for the cooldown).</summary>
    public DateTimeOffset? LastScaleAt { get; set; }
}
