namespace Pipeline.Ingest.Sources.Prometheus;

/// <summary>
/// What one collection read for one replica, before differencing: cumulative counters by key (<see cref="CounterKeys"/>;
/// latency buckets as <c>bucket:{le}</c>), gauges, and the configured fields whose series were absent.
/// </summary>
internal sealed class ReplicaReading(string replica)
{
    public string Replica => replica;

    public Dictionary<string, double> Counters { get; } = new(StringComparer.Ordinal);

    /// <summary>Upper bound (in the histogram's unit) to cumulative count, from the <c>le</c> label.</summary>
    public SortedDictionary<double, double> Buckets { get; } = [];

    public double? Utilization { get; set; }

    public double? InFlight { get; set; }

    public bool? Ready { get; set; }

    public List<string> Missing { get; } = [];
}

/// <summary>Keys of <see cref="ReplicaReading.Counters"/>.</summary>
internal static class CounterKeys
{
    public const string Requests = "requests";
    public const string Errors = "errors";
    public const string LatencySum = "latency_sum";
    public const string CpuSeconds = "cpu_seconds";

    public static string Bucket(double upperBound) => FormattableString.Invariant($"bucket:{upperBound:R}");
}
