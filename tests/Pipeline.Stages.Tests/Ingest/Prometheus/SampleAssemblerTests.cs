using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Contracts.Messages;
using Pipeline.Ingest.Sources.Prometheus;
using Pipeline.Ingest.Sources.Prometheus.Exposition;
using Pipeline.Ingest.Sources.Prometheus.Scrape;

namespace Pipeline.Stages.Tests.Ingest.Prometheus;

public sealed class SampleAssemblerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly PrometheusSourceOptions _options = new() { Service = "checkout" };
    private readonly PrometheusSourceStats _stats = new();

    private static string Exposition(long ok, long failed, long fastOk, double sum, double cpu) => $"""
        process_cpu_seconds_total {cpu}
        http_server_active_requests 4
        http_server_request_duration_seconds_bucket{"{"}http_response_status_code="200",le="0.005"{"}"} {fastOk}
        http_server_request_duration_seconds_bucket{"{"}http_response_status_code="200",le="+Inf"{"}"} {ok}
        http_server_request_duration_seconds_count{"{"}http_response_status_code="200"{"}"} {ok}
        http_server_request_duration_seconds_bucket{"{"}http_response_status_code="503",le="0.005"{"}"} 0
        http_server_request_duration_seconds_bucket{"{"}http_response_status_code="503",le="+Inf"{"}"} {failed}
        http_server_request_duration_seconds_count{"{"}http_response_status_code="503"{"}"} {failed}
        http_server_request_duration_seconds_sum {sum}
        """;

    private List<MetricSample?> Run(params string[] expositions)
    {
        var extractor = new ScrapeExtractor(_options.Selectors);
        var assembler = new SampleAssembler(_options, new ProblemReporter(_stats, NullLogger.Instance));
        return [.. expositions.Select((text, i) => assembler.Next(extractor.Extract("r1", ExpositionParser.Parse(text)), T0.AddSeconds(10 * i)))];
    }

    [Fact]
    public void Next_FirstReading_IsBaselineWithoutSample()
    {
        Assert.Null(Assert.Single(Run(Exposition(100, 2, 50, 10, 3))));
    }

    [Fact]
    public void Next_TwoReadings_PerIntervalIncreasesOfEveryField()
    {
        var sample = Run(Exposition(100, 2, 50, 10, 3), Exposition(130, 5, 70, 11.5, 8))[1]!;

        Assert.Equal(("checkout", "r1", 10.0), (sample.Service, sample.Replica, sample.IntervalSeconds));
        Assert.Equal((33L, 33L, 3L, 4), (sample.Requests, sample.Completed, sample.Errors, sample.InFlight));
        Assert.Equal(1500, sample.LatencySumMs, 6);
        Assert.Equal(0.5, sample.Utilization, 6); // 5 CPU seconds over 10 s on 1 core
        Assert.Equal(20, sample.LatencyCounts[LatencyBuckets.IndexOf(5)]); // 20 more under 5 ms
        Assert.Equal(13, sample.LatencyCounts[^1]); // 10 ok + 3 failed above 5 ms: only +Inf bounds them
        Assert.Equal(33, sample.LatencyCounts.Sum());
    }

    [Fact]
    public void Next_CounterWentDown_IncreaseIsNewValueAndResetCounted()
    {
        var samples = Run(Exposition(100, 2, 50, 10, 3), Exposition(130, 5, 70, 11.5, 8), Exposition(7, 1, 4, 0.2, 1));

        var afterRestart = samples[2]!;
        Assert.Equal((8L, 1L), (afterRestart.Requests, afterRestart.Errors));
        Assert.Equal(200, afterRestart.LatencySumMs, 6);
        Assert.Equal(8, afterRestart.LatencyCounts.Sum());
        Assert.True(_stats.CounterResets >= 4, $"resets counted: {_stats.CounterResets}");
    }

    [Fact]
    public void Next_RequestsSeriesMissing_NoSampleAndMissingListed()
    {
        var extractor = new ScrapeExtractor(_options.Selectors);

        var reading = extractor.Extract("r1", ExpositionParser.Parse("process_cpu_seconds_total 3\n"));

        Assert.Contains("http_server_request_duration_seconds_count", reading.Missing);
        Assert.Null(Run(Exposition(1, 0, 1, 0, 0), "process_cpu_seconds_total 3\n")[1]);
    }
}
