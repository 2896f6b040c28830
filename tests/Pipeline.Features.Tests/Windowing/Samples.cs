using Pipeline.Contracts.Messages;

namespace Pipeline.Features.Tests.Windowing;

/// <summary>Builders of metric samples at whole seconds after a fixed epoch.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(double seconds) => Epoch.AddSeconds(seconds);

    public static MetricSample Sample(double seconds, string replica = "r1", string service = "web", long requests = 10,
        long completed = 10, long errors = 0, double utilization = 0.5, int inFlight = 1, bool ready = true,
        long[]? latencyCounts = null, double latencySumMs = 0) => new()
    {
        Service = service,
        Replica = replica,
        Timestamp = At(seconds),
        IntervalSeconds = 1,
        Requests = requests,
        Completed = completed,
        Errors = errors,
        Utilization = utilization,
        InFlight = inFlight,
        Ready = ready,
        LatencyCounts = latencyCounts ?? [],
        LatencySumMs = latencySumMs,
    };

    /// <summary>A histogram with <paramref name="count"/> completions in the bucket of <paramref name="latencyMs"/>.</summary>
    public static long[] Histogram(params (double LatencyMs, long Count)[] entries)
    {
        var counts = new long[LatencyBuckets.Count];
        foreach (var (latency, count) in entries) counts[LatencyBuckets.IndexOf(latency)] += count;
        return counts;
    }
}
