using Pipeline.Contracts.Messages;
using Pipeline.Ingest.Sources;
using Pipeline.Ingest.Sources.Prometheus;
using Pipeline.Ingest.Sources.Prometheus.Scrape;
using Pipeline.TestSupport.Influx;
using Pipeline.TestSupport.Logging;
using Pipeline.TestSupport.Prometheus;

namespace Pipeline.Stages.Tests.Ingest.Prometheus;

/// <summary>Scrape mode against real HTTP endpoints (Kestrel on loopback) serving known counters.</summary>
public sealed class PrometheusScrapeSourceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly PrometheusSourceStats _stats = new();
    private readonly RecordingLogger _log = new();
    private ExpositionEndpoints _endpoints = null!;

    public async Task InitializeAsync() => _endpoints = await ExpositionEndpoints.StartAsync(2);

    public async Task DisposeAsync() => await _endpoints.DisposeAsync();

    private IMetricSource Source(params ScrapeTarget[] extra) => PrometheusSourceFactory.Create(new PrometheusSourceOptions
    {
        Service = "web",
        // These tests assert what a scrape yields, not how long one may take: a generous time-out keeps a
        // loaded CI host (2 cores, thread pool still warming up) from turning a slow loopback answer into a missing sample.
        Timeout = TimeSpan.FromSeconds(60),
        Targets = [.. _endpoints.Instances.Select((instance, i) => new ScrapeTarget($"web-{i}", _endpoints.MetricsUrl(i))), .. extra],
    }, _stats, _log);

    [Fact]
    public void Collect_RealEndpoints_SamplesCarryEachReplicasCounterIncreases()
    {
        var source = Source();
        _endpoints.Replicas[0].Observe(0.003, 200, 40);
        _endpoints.Replicas[1].Observe(2, 200, 1);
        Assert.Empty(source.Collect(T0));
        _endpoints.Replicas[0].Observe(0.003, 200, 25);
        _endpoints.Replicas[0].Observe(0.2, 500, 5);
        _endpoints.Replicas[0].CpuSeconds = 1.5;
        _endpoints.Replicas[1].Observe(2, 200, 7);

        var samples = source.Collect(T0.AddSeconds(5)).ToDictionary(s => s.Replica);

        var first = samples["web-0"];
        Assert.Equal((30L, 5L, 0.3), (first.Requests, first.Errors, first.Utilization));
        Assert.Equal(25, first.LatencyCounts[LatencyBuckets.IndexOf(5)]);
        Assert.Equal(5, first.LatencyCounts[LatencyBuckets.IndexOf(250)]);
        Assert.Equal(25 * 3 + 5 * 200, first.LatencySumMs, 6);
        var second = samples["web-1"];
        Assert.Equal((7L, 0L), (second.Requests, second.Errors));
        Assert.Equal(7, second.LatencyCounts[^1]);
        Assert.Equal(0, _stats.MissingSeries);
    }

    [Fact]
    public void Collect_ReplicaRestarted_IncreaseIsItsNewCountAndResetCounted()
    {
        var source = Source();
        _endpoints.Replicas[0].Observe(0.01, 200, 100);
        source.Collect(T0);
        _endpoints.Replicas[0].Restart();
        _endpoints.Replicas[0].Observe(0.01, 200, 6);

        var sample = source.Collect(T0.AddSeconds(1)).Single(s => s.Replica == "web-0");

        Assert.Equal(6, sample.Requests);
        Assert.True(_stats.CounterResets > 0);
        Assert.Contains(_log.Messages, m => m.Contains("went down from 100 to 6", StringComparison.Ordinal));
    }

    [Fact]
    public void Collect_UnreachableTarget_ReportedAndCountedOtherReplicasStillSampled()
    {
        var dead = new ScrapeTarget("web-dead", new Uri($"http://127.0.0.1:{FreePort.Next()}/metrics"));
        var source = Source(dead);
        _endpoints.Replicas[0].Observe(0.01, 200);
        _endpoints.Replicas[1].Observe(0.01, 200);
        source.Collect(T0);
        _endpoints.Replicas[0].Observe(0.01, 200, 3);

        var samples = source.Collect(T0.AddSeconds(1));

        Assert.Equal(["web-0", "web-1"], samples.Select(s => s.Replica).Order());
        Assert.Equal(2, _stats.ScrapeFailures);
        Assert.Contains(_log.Messages, m => m.Contains("Scrape of replica web-dead", StringComparison.Ordinal) && m.Contains("refused", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Collect_SeriesDisappears_MissingSeriesLoggedAndCounted()
    {
        var source = Source();
        _endpoints.Replicas[1].Observe(0.01, 200, 4);
        source.Collect(T0);
        _endpoints.Replicas[1].ServeHistogram = false;

        var samples = source.Collect(T0.AddSeconds(1));

        Assert.DoesNotContain(samples, s => s.Replica == "web-1");
        Assert.True(_stats.MissingSeries >= 1);
        Assert.Contains(_log.Messages, m => m.Contains("Replica web-1 has no series for http_server_request_duration_seconds_count", StringComparison.Ordinal));
    }
}
