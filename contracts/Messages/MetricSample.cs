namespace Pipeline.Contracts.Messages;

/// <summary>
/// One replica's measurements over one collection interval, ending at <see cref="Timestamp"/> (event time).
/// This is the message outside producers publish on <see cref="Topics.TopicNames.Metrics"/>, keyed by <see cref="Service"/>.
/// Counters (<see cref="Requests"/>, <see cref="Completed"/>, <see cref="Errors"/>) are for the interval, not cumulative.
/// </summary>
public sealed record MetricSample
{
    public const int CurrentVersion = 1;

    /// <summary>Schema version; 1 today.</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>Service id: letters, digits, '.', '_' or '-', at most 128 characters. Also the Kafka key.</summary>
    public required string Service { get; init; }

    /// <summary>Replica (pod, instance, host) id within the service.</summary>
    public required string Replica { get; init; }

    /// <summary>End of the interval the sample covers (event time, UTC).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Length of the interval in seconds (&gt; 0).</summary>
    public double IntervalSeconds { get; init; } = 1;

    /// <summary>Requests that arrived at the replica during the interval.</summary>
    public long Requests { get; init; }

    /// <summary>Requests that completed during the interval (successfully or not).</summary>
    public long Completed { get; init; }

    /// <summary>Completed requests that failed.</summary>
    public long Errors { get; init; }

    /// <summary>Busy fraction of the replica over the interval (0..1): CPU utilization for hosts, busy time for simulated replicas.</summary>
    public double Utilization { get; init; }

    /// <summary>Requests queued or in service at the end of the interval.</summary>
    public int InFlight { get; init; }

    /// <summary>Whether the replica was ready (receiving traffic) at the end of the interval.</summary>
    public bool Ready { get; init; } = true;

    /// <summary>Completion latencies of the interval as counts per <see cref="LatencyBuckets"/> bucket; empty when not measured.</summary>
    public long[] LatencyCounts { get; init; } = [];

    /// <summary>Sum of the completion latencies of the interval, in milliseconds.</summary>
    public double LatencySumMs { get; init; }

    /// <summary>Resident memory in bytes, where the source measures it.</summary>
    public long? MemoryBytes { get; init; }
}
