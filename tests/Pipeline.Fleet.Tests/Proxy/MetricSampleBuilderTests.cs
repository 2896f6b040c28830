using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Validation;
using Pipeline.Fleet.Proxy.Destinations;
using Pipeline.Fleet.Proxy.Metrics;
using Pipeline.Fleet.Replica;

namespace Pipeline.Fleet.Tests.Proxy;

public sealed class MetricSampleBuilderTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static long[] Histogram(params (double Ms, long Count)[] latencies)
    {
        var counts = new long[LatencyBuckets.Count];
        foreach (var (ms, count) in latencies) counts[LatencyBuckets.IndexOf(ms)] += count;
        return counts;
    }

    private static ReplicaStats Stats(double busy, int workers = 4, bool ready = true, int inFlight = 0, int queued = 0) =>
        new() { Id = "r1", Workers = workers, BusySeconds = busy, Ready = ready, InFlight = inFlight, Queued = queued };

    [Fact]
    public void Build_TwoReadings_CountersAreIntervalDeltas()
    {
        var previous = new MeterSnapshot(100, 90, 3, Histogram((10, 80), (50, 10)), 1300, 10);
        var current = new MeterSnapshot(160, 150, 5, Histogram((10, 130), (50, 15), (400, 5)), 3050, 10);

        var sample = MetricSampleBuilder.Build("web", "r1", At, 2, previous, current, Stats(10), Stats(14, inFlight: 3, queued: 2));

        Assert.Equal(("web", "r1", At, 2.0), (sample.Service, sample.Replica, sample.Timestamp, sample.IntervalSeconds));
        Assert.Equal((60L, 60L, 2L), (sample.Requests, sample.Completed, sample.Errors));
        Assert.Equal(Histogram((10, 50), (50, 5), (400, 5)), sample.LatencyCounts);
        Assert.Equal(1750, sample.LatencySumMs, 6);
        Assert.Equal(5, sample.InFlight); // the replica's in service + queued
        Assert.True(sample.Ready);
        Assert.True(MetricSampleValidator.TryValidate(sample, out var reason), reason);
    }

    [Theory]
    [InlineData(10.0, 14.0, 4, 2.0, 0.5)] // 4 busy-seconds over 4 workers x 2 s
    [InlineData(10.0, 18.0, 4, 2.0, 1.0)] // saturated
    [InlineData(10.0, 30.0, 4, 2.0, 1.0)] // more than possible (clock skew): clamped
    [InlineData(10.0, 10.0, 4, 2.0, 0.0)] // idle
    [InlineData(10.0, 1.0, 2, 1.0, 0.5)]  // busy time went backwards: the replica restarted, 1 s busy since
    public void Build_BusySeconds_UtilizationIsDeltaBusyOverWorkersTimesInterval(double before, double after, int workers, double seconds, double expected)
    {
        var sample = MetricSampleBuilder.Build("web", "r1", At, seconds, MeterSnapshot.Empty, MeterSnapshot.Empty,
            Stats(before, workers), Stats(after, workers));

        Assert.Equal(expected, sample.Utilization, 9);
    }

    [Fact]
    public void Build_NoCurrentStats_NotReadyZeroUtilizationProxyInFlight()
    {
        var current = new MeterSnapshot(5, 2, 2, Histogram((3, 2)), 6, 3);

        var sample = MetricSampleBuilder.Build("web", "r1", At, 1, MeterSnapshot.Empty, current, Stats(1), null);

        Assert.False(sample.Ready);
        Assert.Equal(0, sample.Utilization);
        Assert.Equal(3, sample.InFlight);
        Assert.Equal(LatencyBuckets.Count, sample.LatencyCounts.Length);
    }
}
