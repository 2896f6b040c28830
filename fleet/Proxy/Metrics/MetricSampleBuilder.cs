using Pipeline.Contracts.Messages;
using Pipeline.Fleet.Proxy.Destinations;
using Pipeline.Fleet.Replica;

namespace Pipeline.Fleet.Proxy.Metrics;

/// <summary>
/// Builds one replica's <see cref="MetricSample"/> for an interval from two cumulative readings: the proxy's meter of
/// the requests it sent there, and the replica's own <c>/stats</c> (busy time, queue). Pure: no clock, no I/O.
/// </summary>
internal static class MetricSampleBuilder
{
    /// <summary>
    /// The sample for the interval of <paramref name="intervalSeconds"/> ending at <paramref name="timestamp"/>.
    /// Utilization is the measured Δbusy / (workers × Δt), clamped to 0..1 (0 without two stats readings; a replica
    /// whose busy time went backwards restarted, so its busy time since the restart counts). Without current stats
    /// the replica counts as not ready and its in-flight is the proxy's.
    /// </summary>
    public static MetricSample Build(string service, string replica, DateTimeOffset timestamp, double intervalSeconds,
        MeterSnapshot previous, MeterSnapshot current, ReplicaStats? previousStats, ReplicaStats? currentStats)
    {
        var counts = new long[LatencyBuckets.Count];
        for (var i = 0; i < counts.Length; i++)
            counts[i] = At(current.LatencyCounts, i) - At(previous.LatencyCounts, i);
        return new MetricSample
        {
            Service = service,
            Replica = replica,
            Timestamp = timestamp,
            IntervalSeconds = intervalSeconds,
            Requests = current.Requests - previous.Requests,
            Completed = current.Completed - previous.Completed,
            Errors = current.Errors - previous.Errors,
            Utilization = Utilization(previousStats, currentStats, intervalSeconds),
            InFlight = currentStats is null ? current.InFlight : currentStats.InFlight + currentStats.Queued,
            Ready = currentStats?.Ready ?? false,
            LatencyCounts = counts,
            LatencySumMs = current.LatencySumMs - previous.LatencySumMs,
        };
    }

    private static double Utilization(ReplicaStats? previous, ReplicaStats? current, double seconds)
    {
        if (previous is null || current is null || current.Workers <= 0 || !(seconds > 0)) return 0;
        var busy = current.BusySeconds >= previous.BusySeconds ? current.BusySeconds - previous.BusySeconds : current.BusySeconds;
        return Math.Clamp(busy / (current.Workers * seconds), 0, 1);
    }

    private static long At(long[] counts, int i) => i < counts.Length ? counts[i] : 0;
}
