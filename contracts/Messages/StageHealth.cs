namespace Pipeline.Contracts.Messages;

/// <summary>
/// A periodic health snapshot of one stage in one process, published on <see cref="Topics.TopicNames.Health"/> so that
/// stages running in their own processes (containers) reach InfluxDB through the sink. Counts are totals since start.
/// </summary>
public sealed record StageHealth
{
    public int Version { get; init; } = 1;

    /// <summary>Stage name (e.g. <c>features</c>).</summary>
    public required string Stage { get; init; }

    /// <summary>The process instance: host name (container name in docker-compose), unless set by <c>PIPELINE_INSTANCE</c>.</summary>
    public required string Instance { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public long Consumed { get; init; }
    public long Published { get; init; }
    public long DeadLettered { get; init; }

    /// <summary>Messages behind the high watermark over the stage's assigned partitions, when known.</summary>
    public long? ConsumerLag { get; init; }

    /// <summary>Seconds since the consume loop last polled (null before the first poll).</summary>
    public double? LastPollAgeSeconds { get; init; }

    /// <summary>True when the stage passes its health check (recent poll, no fatal error).</summary>
    public bool Healthy { get; init; }

    /// <summary>Why it is unhealthy, or null.</summary>
    public string? Reason { get; init; }
}
