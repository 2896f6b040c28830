namespace Pipeline.Contracts.Messages;

/// <summary>
/// One service's features over one event-time tumbling window [<see cref="WindowStart"/>, <see cref="WindowEnd"/>),
/// published on <see cref="Topics.TopicNames.Features"/> keyed by service.
/// </summary>
public sealed record FeatureWindow
{
    public int Version { get; init; } = 1;
    public required string Service { get; init; }
    public required DateTimeOffset WindowStart { get; init; }
    public required DateTimeOffset WindowEnd { get; init; }

    /// <summary>Samples that went into the window.</summary>
    public int SampleCount { get; init; }

    /// <summary>Distinct replicas that reported in the window.</summary>
    public int Replicas { get; init; }

    /// <summary>Replicas whose latest sample in the window said ready.</summary>
    public int ReadyReplicas { get; init; }

    /// <summary>Arrivals per second over the window, summed over replicas.</summary>
    public double RequestRate { get; init; }

    /// <summary>Completions per second over the window.</summary>
    public double Throughput { get; init; }

    /// <summary>Failed fraction of the completions (0..1).</summary>
    public double ErrorRate { get; init; }

    /// <summary>Mean utilization of the ready replicas (0..1).</summary>
    public double Utilization { get; init; }

    /// <summary>In-flight requests at the window's end, summed over replicas.</summary>
    public int InFlight { get; init; }

    public double LatencyMeanMs { get; init; } = double.NaN;
    public double LatencyP50Ms { get; init; } = double.NaN;
    public double LatencyP95Ms { get; init; } = double.NaN;
    public double LatencyP99Ms { get; init; } = double.NaN;

    /// <summary>Online z-scores of the main features (request rate, utilization, latency p95, error rate) against the service's running mean and variance.</summary>
    public IReadOnlyDictionary<string, double> Normalized { get; init; } = ScoreMap.Empty;

    /// <summary>Per-replica features, for routing policies.</summary>
    public IReadOnlyList<ReplicaFeatures> ReplicaFeatures { get; init; } = [];
}

/// <summary>One replica's share of a <see cref="FeatureWindow"/>.</summary>
public sealed record ReplicaFeatures
{
    public required string Replica { get; init; }
    public bool Ready { get; init; } = true;
    public double RequestRate { get; init; }
    public double Throughput { get; init; }
    public double ErrorRate { get; init; }
    public double Utilization { get; init; }
    public int InFlight { get; init; }
    public double LatencyMeanMs { get; init; } = double.NaN;
    public double LatencyP99Ms { get; init; } = double.NaN;
}
