using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Runtime.Observability;
using Pipeline.TestSupport.Influx;
using Pipeline.TestSupport.Time;

namespace Pipeline.Runtime.Tests.Observability;

public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private readonly ManualTimeProvider _time = new();
    private readonly StageCounters _counters = new();
    private readonly StageMetricsOptions _options = new() { Port = FreePort.Next(), StaleAfter = TimeSpan.FromSeconds(30) };
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private MetricsEndpoint _endpoint = null!;

    public async Task InitializeAsync()
    {
        var metrics = new PrometheusStageMetrics(_counters, _time, _options);
        _endpoint = new MetricsEndpoint(metrics, _counters, _options, _time, NullLogger<MetricsEndpoint>.Instance);
        await _endpoint.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _endpoint.StopAsync(CancellationToken.None);
        _endpoint.Dispose();
        _http.Dispose();
    }

    private Task<HttpResponseMessage> Get(string path) => Eventually(() => _http.GetAsync($"http://127.0.0.1:{_options.Port}{path}"));

    /// <summary>The listener starts on the host's thread pool; retry the first connection briefly.</summary>
    private static async Task<HttpResponseMessage> Eventually(Func<Task<HttpResponseMessage>> get)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await get();
            }
            catch (HttpRequestException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    [Fact]
    public async Task Metrics_AfterRecordsFlow_ServesCountersPerStageAndTopic()
    {
        var counter = _counters.For("features");
        counter.MarkPolled(_time.GetUtcNow());
        for (var i = 0; i < 3; i++) counter.AddConsumed("pipeline.metrics");
        counter.AddPublished("pipeline.features");
        counter.AddDeadLettered("pipeline.metrics");
        counter.AddDeadLetterReason("limit: window [..) of service web already has 1000 replicas (the limit)");
        counter.AddDeadLetterReason("limit: 10000 services already have state");
        counter.AddProcessed(TimeSpan.FromMilliseconds(2));
        counter.SetLag(4);
        _time.Advance(TimeSpan.FromSeconds(1.5));

        using var response = await Get("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("pipeline_stage_consumed_total{stage=\"features\",topic=\"pipeline.metrics\"} 3", text);
        Assert.Contains("pipeline_stage_published_total{stage=\"features\",topic=\"pipeline.features\"} 1", text);
        Assert.Contains("pipeline_stage_dead_lettered_total{stage=\"features\",topic=\"pipeline.metrics\"} 1", text);
        Assert.Contains("pipeline_stage_dead_letter_reasons_total{stage=\"features\",reason=\"limit\"} 2", text);
        Assert.Contains("pipeline_stage_last_poll_age_seconds{stage=\"features\"} 1.5", text);
        Assert.Contains("pipeline_stage_consumer_lag{stage=\"features\"} 4", text);
        Assert.Contains("pipeline_stage_processing_seconds_count{stage=\"features\"} 1", text);
        Assert.Contains("pipeline_stage_healthy{stage=\"features\"} 1", text);
    }

    [Fact]
    public async Task Healthz_LoopStopsPolling_FlipsFrom200To503WithReason()
    {
        _counters.For("features").MarkPolled(_time.GetUtcNow());

        using var before = await Get("/healthz");
        _time.Advance(TimeSpan.FromSeconds(45));
        using var after = await Get("/healthz");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
        Assert.Contains("features: last poll 45.0 s ago", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_ProducerFatal_503()
    {
        var counter = _counters.For("actuator");
        counter.MarkPolled(_time.GetUtcNow());
        counter.MarkFatal("output not delivered (pipeline.actuations: Local: Message timed out)");

        using var response = await Get("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("actuator: fatal: output not delivered", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownPath_404()
    {
        using var response = await Get("/nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
