namespace Pipeline.Features.Windowing;

/// <summary>Options of <see cref="WindowAggregator"/>. Defaults match the Kubernetes HPA's 15 s sync period.</summary>
public sealed class WindowingOptions
{
    /// <summary>Length of each tumbling window.</summary>
    public TimeSpan WindowSize { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How far behind a service's newest event time a sample may arrive and still count (watermark = max event time - grace).</summary>
    public TimeSpan Grace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Processing time without any sample from a service after which <see cref="WindowAggregator.CloseIdle"/> extrapolates that
    /// service's event time by the elapsed processing time, so a service that stops reporting still gets its windows closed.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// When set, a sample whose event time is more than this ahead of its processing (arrival) time is rejected instead of
    /// counted, so one sample with a wild clock cannot push the service's watermark far ahead and make every later sample
    /// late. Off by default because replays and the simulator run event time independently of processing time.
    /// </summary>
    public TimeSpan? MaxAheadOfArrival { get; set; }

    /// <summary>
    /// Most services with state (open windows, watermark, normalization statistics) at once; a sample of a further
    /// service is dead-lettered ("limit: ...") until idle services are evicted (<see cref="EvictIdleAfter"/>).
    /// </summary>
    public int MaxServices { get; set; } = 10_000;

    /// <summary>
    /// Most replicas in one window of one service; a sample of a further replica is dead-lettered ("limit: ..."). The
    /// default keeps a window well under the stages' message limit (about 250 bytes a replica).
    /// </summary>
    public int MaxReplicasPerWindow { get; set; } = 1_000;

    /// <summary>
    /// Processing time without a sample after which a service with no open window is forgotten (watermark and
    /// normalization statistics freed), so services that stop reporting do not hold memory for ever. A sample of it
    /// arriving later starts it afresh. Zero or less: never evicted.
    /// </summary>
    public TimeSpan EvictIdleAfter { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Whether closed windows get online z-scores in <c>FeatureWindow.Normalized</c>.</summary>
    public bool Normalize { get; set; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (WindowSize <= TimeSpan.Zero)
            throw new ArgumentException($"WindowSize: must be > 0, was {WindowSize}");
        if (Grace < TimeSpan.Zero)
            throw new ArgumentException($"Grace: must be >= 0, was {Grace}");
        if (IdleTimeout < TimeSpan.Zero)
            throw new ArgumentException($"IdleTimeout: must be >= 0, was {IdleTimeout}");
        if (MaxServices < 1)
            throw new ArgumentException($"MaxServices: must be >= 1, was {MaxServices}");
        if (MaxReplicasPerWindow < 1)
            throw new ArgumentException($"MaxReplicasPerWindow: must be >= 1, was {MaxReplicasPerWindow}");
        if (MaxAheadOfArrival < TimeSpan.Zero)
            throw new ArgumentException($"MaxAheadOfArrival: must be >= 0, was {MaxAheadOfArrival}");
    }
}
