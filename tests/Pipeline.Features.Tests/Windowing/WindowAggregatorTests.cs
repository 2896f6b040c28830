using Pipeline.Contracts.Messages;
using Pipeline.Features.Windowing;
using static Pipeline.Features.Tests.Windowing.Samples;

namespace Pipeline.Features.Tests.Windowing;

public sealed class WindowAggregatorTests
{
    private static WindowAggregator Create(bool normalize = false) =>
        new(new WindowingOptions { WindowSize = TimeSpan.FromSeconds(15), Grace = TimeSpan.FromSeconds(5), Normalize = normalize });

    private static List<FeatureWindow> Feed(WindowAggregator aggregator, IEnumerable<MetricSample> samples)
    {
        var closed = new List<FeatureWindow>();
        foreach (var s in samples) closed.AddRange(aggregator.Add(s, s.Timestamp).Closed);
        return closed;
    }

    [Fact]
    public void Add_TwoReplicasOverWholeWindow_AggregatesRatesUtilizationAndErrors()
    {
        var aggregator = Create();
        var samples = Enumerable.Range(1, 15).SelectMany(t => new[]
        {
            Sample(t, "r1", requests: 10, completed: 10, errors: 1, utilization: 0.4, inFlight: t),
            Sample(t, "r2", requests: 20, completed: 20, errors: 0, utilization: 0.8, inFlight: 2),
        });
        Feed(aggregator, samples);

        var window = Assert.Single(aggregator.Flush());
        Assert.Equal(At(0), window.WindowStart);
        Assert.Equal(At(15), window.WindowEnd);
        Assert.Equal(30, window.SampleCount);
        Assert.Equal(2, window.Replicas);
        Assert.Equal(2, window.ReadyReplicas);
        Assert.Equal(30.0, window.RequestRate, 9);
        Assert.Equal(30.0, window.Throughput, 9);
        Assert.Equal(15.0 / 450, window.ErrorRate, 9);
        Assert.Equal(0.6, window.Utilization, 9);
        Assert.Equal(15 + 2, window.InFlight);
        Assert.Equal(["r1", "r2"], window.ReplicaFeatures.Select(r => r.Replica));
        Assert.Equal(10.0, window.ReplicaFeatures[0].RequestRate, 9);
    }

    [Fact]
    public void Add_SampleEndingOnBoundary_CountsInWindowItDescribes()
    {
        var aggregator = Create();
        aggregator.Add(Sample(15), At(15));
        aggregator.Add(Sample(16), At(16));

        var windows = aggregator.Flush();

        Assert.Equal([At(0), At(15)], windows.Select(w => w.WindowStart));
    }

    [Fact]
    public void Add_WatermarkPassesWindowEnd_ClosesWindowOnce()
    {
        var aggregator = Create();
        Feed(aggregator, Enumerable.Range(1, 19).Select(t => Sample(t)));
        Assert.Empty(aggregator.Add(Sample(19.5), At(19.5)).Closed);

        var closed = aggregator.Add(Sample(20), At(20)).Closed;

        var window = Assert.Single(closed);
        Assert.Equal(At(15), window.WindowEnd);
        Assert.Equal(15, window.SampleCount);
        Assert.Empty(aggregator.Add(Sample(21), At(21)).Closed);
    }

    [Fact]
    public void Add_OutOfOrderWithinGrace_IsCountedInItsWindow()
    {
        var aggregator = Create();
        aggregator.Add(Sample(18), At(18));

        var result = aggregator.Add(Sample(14, requests: 7), At(18));

        Assert.Equal(SampleDisposition.Accepted, result.Disposition);
        var first = aggregator.Flush()[0];
        Assert.Equal(At(15), first.WindowEnd);
        Assert.Equal(7 / 15.0, first.RequestRate, 9);
    }

    [Fact]
    public void Add_SampleForClosedWindow_IsLateWithReason()
    {
        var aggregator = Create();
        aggregator.Add(Sample(10), At(10));
        aggregator.Add(Sample(21), At(21));

        var result = aggregator.Add(Sample(12), At(22));

        Assert.Equal(SampleDisposition.Late, result.Disposition);
        Assert.Contains("late", result.Reason);
        Assert.Contains("2026-01-01T00:00:15", result.Reason);
        Assert.Empty(result.Closed);
    }

    [Fact]
    public void Add_SameServiceReplicaTimestamp_IsDuplicateAndNotCounted()
    {
        var aggregator = Create();
        aggregator.Add(Sample(3, requests: 10), At(3));

        var result = aggregator.Add(Sample(3, requests: 99), At(4));

        Assert.Equal(SampleDisposition.Duplicate, result.Disposition);
        Assert.Contains("duplicate", result.Reason);
        var window = Assert.Single(aggregator.Flush());
        Assert.Equal(1, window.SampleCount);
        Assert.Equal(10 / 15.0, window.RequestRate, 9);
    }

    [Fact]
    public void Add_SameTimestampOtherReplica_IsAccepted()
    {
        var aggregator = Create();
        aggregator.Add(Sample(3, "r1"), At(3));

        Assert.Equal(SampleDisposition.Accepted, aggregator.Add(Sample(3, "r2"), At(3)).Disposition);
    }

    [Fact]
    public void Add_TimestampFarAheadOfArrival_IsRejectedAndDoesNotMoveWatermark()
    {
        var aggregator = new WindowAggregator(new WindowingOptions { MaxAheadOfArrival = TimeSpan.FromMinutes(1), Normalize = false });
        aggregator.Add(Sample(3), At(3));

        var result = aggregator.Add(Sample(3600 * 24 * 365), At(4));

        Assert.Equal(SampleDisposition.TooFarAhead, result.Disposition);
        Assert.Contains("too far ahead", result.Reason);
        Assert.Equal(SampleDisposition.Accepted, aggregator.Add(Sample(5), At(5)).Disposition);
    }

    [Fact]
    public void Add_ServicesHaveSeparateWatermarks()
    {
        var aggregator = Create();
        aggregator.Add(Sample(5, service: "a"), At(5));

        var closed = aggregator.Add(Sample(60, service: "b"), At(60)).Closed;

        Assert.Empty(closed);
        Assert.Equal(SampleDisposition.Accepted, aggregator.Add(Sample(6, service: "a"), At(60)).Disposition);
    }

    [Fact]
    public void Add_HistogramsFromTwoReplicas_PercentilesFromMergedCounts()
    {
        var aggregator = Create();
        var fast = Histogram((10, 90));
        var slow = Histogram((200, 10));
        aggregator.Add(Sample(1, "r1", completed: 90, latencyCounts: fast, latencySumMs: 900), At(1));
        aggregator.Add(Sample(1, "r2", completed: 10, latencyCounts: slow, latencySumMs: 2000), At(1));

        var window = Assert.Single(aggregator.Flush());

        var merged = fast.Zip(slow, (a, b) => a + b).ToArray();
        Assert.Equal(LatencyBuckets.Quantile(merged, 0.5), window.LatencyP50Ms, 9);
        Assert.Equal(LatencyBuckets.Quantile(merged, 0.95), window.LatencyP95Ms, 9);
        Assert.Equal(LatencyBuckets.Quantile(merged, 0.99), window.LatencyP99Ms, 9);
        Assert.InRange(window.LatencyP50Ms, 9, 11.4);
        Assert.InRange(window.LatencyP99Ms, 150, 210);
        Assert.Equal(29.0, window.LatencyMeanMs, 9);
    }

    [Fact]
    public void Add_NoLatencyMeasured_LatencyIsNaN()
    {
        var aggregator = Create();
        aggregator.Add(Sample(1), At(1));

        var window = Assert.Single(aggregator.Flush());

        Assert.True(double.IsNaN(window.LatencyP95Ms));
        Assert.True(double.IsNaN(window.LatencyMeanMs));
    }

    [Fact]
    public void Add_ReplicaBecomesUnready_ReadinessFromLatestSampleAndUtilizationOverReady()
    {
        var aggregator = Create();
        aggregator.Add(Sample(2, "r1", utilization: 0.9, ready: true), At(2));
        aggregator.Add(Sample(1, "r1", utilization: 0.9, ready: true), At(2));
        aggregator.Add(Sample(3, "r1", utilization: 0.9, ready: false, inFlight: 4), At(3));
        aggregator.Add(Sample(3, "r2", utilization: 0.3, ready: true, inFlight: 1), At(3));

        var window = Assert.Single(aggregator.Flush());

        Assert.Equal(2, window.Replicas);
        Assert.Equal(1, window.ReadyReplicas);
        Assert.Equal(0.3, window.Utilization, 9);
        Assert.Equal(5, window.InFlight);
        Assert.False(window.ReplicaFeatures.Single(r => r.Replica == "r1").Ready);
    }

    [Fact]
    public void CloseIdle_ServiceStopsReporting_ClosesOnlyAfterIdleTimeoutAndGrace()
    {
        var aggregator = Create();
        var receivedAt = At(1000);
        aggregator.Add(Sample(7), receivedAt);

        Assert.Empty(aggregator.CloseIdle(receivedAt.AddSeconds(14)));
        // Event time extrapolated to 7 + 15 = 22, watermark 17 >= 15: the window closes.
        var window = Assert.Single(aggregator.CloseIdle(receivedAt.AddSeconds(15)));
        Assert.Equal(At(15), window.WindowEnd);
        Assert.Equal(SampleDisposition.Late, aggregator.Add(Sample(8), receivedAt.AddSeconds(16)).Disposition);
    }

    [Fact]
    public void CloseIdle_ActiveService_KeepsWindowOpen()
    {
        var aggregator = Create();
        aggregator.Add(Sample(7, service: "a"), At(100));
        aggregator.Add(Sample(8, service: "a"), At(110));

        Assert.Empty(aggregator.CloseIdle(At(120)));
    }

    [Fact]
    public void Flush_ClosesAllWindowsInOrder_LaterSamplesAreLate()
    {
        var aggregator = Create();
        aggregator.Add(Sample(20, service: "b"), At(20));
        aggregator.Add(Sample(3, service: "a"), At(20));
        aggregator.Add(Sample(18, service: "a"), At(20));

        var windows = aggregator.Flush();

        Assert.Equal([("a", At(15)), ("a", At(30)), ("b", At(30))], windows.Select(w => (w.Service, w.WindowEnd)));
        Assert.Equal(0, aggregator.OpenWindowCount);
        Assert.Equal(SampleDisposition.Late, aggregator.Add(Sample(25, service: "a"), At(30)).Disposition);
    }

    [Fact]
    public void Add_NormalizeEnabled_FillsNormalizedFeatures()
    {
        var aggregator = Create(normalize: true);
        var closed = Feed(aggregator, Enumerable.Range(1, 60).Select(t => Sample(t, requests: t < 45 ? 10 + t % 2 : 100)));
        closed.AddRange(aggregator.Flush());

        Assert.Equal(4, closed.Count);
        Assert.Equal(0, closed[0].Normalized["requestRate"]);
        Assert.True(closed[3].Normalized["requestRate"] > 3, $"z = {closed[3].Normalized["requestRate"]}");
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsNamingTheOption()
    {
        var error = Assert.Throws<ArgumentException>(() => new WindowAggregator(new WindowingOptions { WindowSize = TimeSpan.Zero }));
        Assert.Contains("WindowSize", error.Message);
    }
}
