using Pipeline.Contracts.Messages;
using Pipeline.Ingest.Sources;
using Pipeline.Ingest.Sources.Prometheus;
using Pipeline.TestSupport.Influx;
using Pipeline.TestSupport.Logging;
using Pipeline.TestSupport.Prometheus;

namespace Pipeline.Stages.Tests.Ingest.Prometheus;

/// <summary>Query mode against a real Prometheus server (started here on a free loopback port) scraping real endpoints every second.</summary>
public sealed class PrometheusQuerySourceTests : IAsyncLifetime
{
    private const string Count = "sum by (instance) (http_server_request_duration_seconds_count)";
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly PrometheusSourceStats _stats = new();
    private readonly RecordingLogger _log = new();
    private ExpositionEndpoints _endpoints = null!;
    private PrometheusServer _prometheus = null!;

    public async Task InitializeAsync()
    {
        _endpoints = await ExpositionEndpoints.StartAsync(2);
        _prometheus = await PrometheusServer.StartAsync(_endpoints.Instances);
    }

    public async Task DisposeAsync()
    {
        await _prometheus.DisposeAsync();
        await _endpoints.DisposeAsync();
    }

    private IMetricSource Source(Action<PrometheusSourceOptions>? configure = null)
    {
        var options = new PrometheusSourceOptions { Mode = PrometheusModes.Query, Service = "web", PrometheusUrl = _prometheus.Url, Timeout = TimeSpan.FromSeconds(60) };
        configure?.Invoke(options);
        return PrometheusSourceFactory.Create(options, _stats, _log);
    }

    private Task ScrapedAsync(double first, double second) => _prometheus.WaitUntilAsync(Count,
        v => v.GetValueOrDefault(_endpoints.Instances[0]) == first && v.GetValueOrDefault(_endpoints.Instances[1]) == second, $"counts {first} and {second}");

    [Fact]
    public async Task Collect_PrometheusScrapingRealEndpoints_IncreasesMatchEndpointCounters()
    {
        var source = Source();
        _endpoints.Replicas[0].Observe(0.003, 200, 10);
        _endpoints.Replicas[1].Observe(0.003, 200, 20);
        await ScrapedAsync(10, 20);
        Assert.Empty(source.Collect(T0));
        _endpoints.Replicas[0].Observe(0.003, 200, 12);
        _endpoints.Replicas[0].Observe(0.2, 503, 3);
        _endpoints.Replicas[1].Observe(2, 200, 4);
        _endpoints.Replicas[1].InFlight = 6;
        await ScrapedAsync(25, 24);
        await _prometheus.WaitUntilAsync("sum by (instance) (http_server_active_requests)", v => v.GetValueOrDefault(_endpoints.Instances[1]) == 6, "in-flight 6");

        var samples = source.Collect(T0.AddSeconds(15)).ToDictionary(s => s.Replica);

        var first = samples[_endpoints.Instances[0]];
        Assert.Equal((15L, 3L, 15.0), (first.Requests, first.Errors, first.IntervalSeconds));
        Assert.Equal(12, first.LatencyCounts[LatencyBuckets.IndexOf(5)]);
        Assert.Equal(3, first.LatencyCounts[LatencyBuckets.IndexOf(250)]);
        Assert.Equal(12 * 3 + 3 * 200, first.LatencySumMs, 3);
        Assert.True(first.Ready);
        var second = samples[_endpoints.Instances[1]];
        Assert.Equal((4L, 0L, 6), (second.Requests, second.Errors, second.InFlight));
        Assert.Equal(4, second.LatencyCounts[^1]);
        Assert.Equal(0, _stats.QueryFailures);
    }

    [Fact]
    public void Collect_PromQlSyntaxError_LogsPrometheusErrorTextCountsAndReturnsNothing()
    {
        var source = Source(o => o.Queries.Requests = "sum by (instance) (http_server_request_duration_seconds_count");

        var samples = source.Collect(T0);

        Assert.Empty(samples);
        Assert.Equal(1, _stats.QueryFailures);
        var message = Assert.Single(_log.Messages, m => m.Contains("Query for requests failed", StringComparison.Ordinal));
        Assert.Contains("status=error, bad_data: ", message, StringComparison.Ordinal);
        Assert.Contains("parse error", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Collect_UnreachablePrometheus_EveryQueryReportedNeverThrows()
    {
        var options = new PrometheusSourceOptions { Mode = PrometheusModes.Query, PrometheusUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}") };
        var source = PrometheusSourceFactory.Create(options, _stats, _log);

        Assert.Empty(source.Collect(T0));
        Assert.Equal(7, _stats.QueryFailures);
        Assert.All(_log.Messages, m => Assert.Contains("is unreachable", m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Collect_SeriesDisappearsFromPrometheus_ReportedAsMissingAndCounted()
    {
        var source = Source();
        _endpoints.Replicas[0].Observe(0.01, 200, 5);
        _endpoints.Replicas[1].Observe(0.01, 200, 5);
        await ScrapedAsync(5, 5);
        source.Collect(T0);
        _endpoints.Replicas[1].ServeHistogram = false;
        await _prometheus.WaitUntilAsync(Count, v => !v.ContainsKey(_endpoints.Instances[1]), "the series of replica 1 gone");

        var samples = source.Collect(T0.AddSeconds(5));

        Assert.DoesNotContain(samples, s => s.Replica == _endpoints.Instances[1]);
        Assert.True(_stats.MissingSeries >= 1);
        Assert.Contains(_log.Messages, m => m.Contains($"Replica {_endpoints.Instances[1]} has no series for requests", StringComparison.Ordinal));
    }
}
