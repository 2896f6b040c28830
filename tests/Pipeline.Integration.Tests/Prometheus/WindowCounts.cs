using Pipeline.Contracts.Messages;

namespace Pipeline.Integration.Tests.Prometheus;

/// <summary>
/// The request and error counts a closed feature window holds per replica, recovered from its per-replica rates: the
/// features stage divides a replica's counts by max(window length, the replica's summed sample intervals), the samples
/// being those whose interval midpoint falls in the window (features/Windowing/ServiceWindows.cs). The samples are
/// the ones read back from the metrics topic.
/// </summary>
internal static class WindowCounts
{
    public sealed record Count(string Replica, DateTimeOffset WindowStart, long Requests, long Errors, long SampledRequests);

    public static IEnumerable<Count> Of(IEnumerable<FeatureWindow> windows, IReadOnlyList<MetricSample> samples)
    {
        foreach (var window in windows)
        {
            var seconds = (window.WindowEnd - window.WindowStart).TotalSeconds;
            foreach (var replica in window.ReplicaFeatures)
            {
                var inWindow = samples.Where(s => s.Replica == replica.Replica && Midpoint(s) >= window.WindowStart && Midpoint(s) < window.WindowEnd).ToList();
                var completed = replica.Throughput * Math.Max(seconds, inWindow.Sum(s => s.IntervalSeconds));
                yield return new Count(replica.Replica, window.WindowStart, (long)Math.Round(completed),
                    (long)Math.Round(replica.ErrorRate * completed), inWindow.Sum(s => s.Requests));
            }
        }
    }

    /// <summary>Requests and errors per replica over every window.</summary>
    public static IReadOnlyDictionary<string, (long Requests, long Errors)> Totals(IEnumerable<Count> counts) =>
        counts.GroupBy(c => c.Replica).ToDictionary(g => g.Key, g => (g.Sum(c => c.Requests), g.Sum(c => c.Errors)));

    private static DateTimeOffset Midpoint(MetricSample s) => s.Timestamp.AddTicks(-(long)(s.IntervalSeconds * TimeSpan.TicksPerSecond / 2));
}
