using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.TestSupport.Kafka;
using Pipeline.TestSupport.Prometheus;
using Xunit.Abstractions;

namespace Pipeline.Integration.Tests.Prometheus;

/// <summary>
/// Issue 14's must-show: a real <c>prometheus</c> scrapes two real endpoints whose HTTP server counters the test sets;
/// `pipeline ingest --source prometheus --prometheus-mode query` and `pipeline features` run as their own processes on
/// the broker; the feature windows hold exactly the counters' increases, per replica, requests and errors.
/// </summary>
public sealed class PrometheusToFeaturesTests(ITestOutputHelper output)
{
    private const string Count = "sum by (instance) (http_server_request_duration_seconds_count)";

    [Fact]
    public async Task Windows_PrometheusScrapingRealEndpoints_CountsEqualTheCounterIncreases()
    {
        using var broker = KafkaTestBroker.Start();
        await using var endpoints = await ExpositionEndpoints.StartAsync(2);
        var (a, b) = (endpoints.Replicas[0], endpoints.Replicas[1]);
        a.Observe(0.003, 200, 100); a.Observe(0.2, 503, 1); b.Observe(0.003, 200, 50); b.Observe(0.2, 503, 1); // history: the baseline
        await using var prometheus = await PrometheusServer.StartAsync(endpoints.Instances);
        await ScrapedAsync(prometheus, endpoints, 101, 51);
        string[] common = ["--bootstrap", broker.BootstrapServers, "--group-prefix", $"prom-{Guid.NewGuid():N}"[..13], "--metrics-port", "0"];
        using var ingest = PipelineProcess.Start(["ingest", "--source", "prometheus", "--prometheus-mode", "query",
            "--prometheus-url", prometheus.Url.ToString(), "--service", "web", "--interval", "1s", .. common]);
        using var features = PipelineProcess.Start(["features", "--window", "5s", "--grace", "2s", .. common]);
        using var samples = new TopicReader(broker.BootstrapServers, TopicNames.Metrics);
        Assert.True(samples.ReadUntil(r => r.Select(x => x.As<MetricSample>().Replica).Distinct().Count() == 2, TimeSpan.FromSeconds(60)),
            $"no samples of both replicas from ingest:\n{ingest.Output}");

        // Three bursts, each seen by Prometheus before the next: a +37 requests (5 of them 503s), b +52 (0 errors).
        (int Ok, int Failed, int B)[] bursts = [(20, 0, 12), (10, 4, 0), (2, 1, 40)];
        var (totalA, totalB) = (101, 51);
        foreach (var (ok, failed, more) in bursts)
        {
            a.Observe(0.003, 200, ok);
            if (failed > 0) a.Observe(0.2, 503, failed);
            if (more > 0) b.Observe(0.04, 200, more);
            (totalA, totalB) = (totalA + ok + failed, totalB + more);
            await ScrapedAsync(prometheus, endpoints, totalA, totalB);
            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        using var windows = new TopicReader(broker.BootstrapServers, TopicNames.Features);
        var expected = new Dictionary<string, (long, long)> { [endpoints.Instances[0]] = (37, 5), [endpoints.Instances[1]] = (52, 0) };
        IReadOnlyList<WindowCounts.Count> counts = [];
        var matched = windows.ReadUntil(r =>
        {
            samples.ReadFor(TimeSpan.FromMilliseconds(200));
            counts = [.. WindowCounts.Of(r.Where(x => x.Key == "web").Select(x => x.As<FeatureWindow>()), [.. samples.Records.Select(x => x.As<MetricSample>())])];
            return expected.All(e => WindowCounts.Totals(counts).GetValueOrDefault(e.Key) == e.Value);
        }, TimeSpan.FromSeconds(60));

        foreach (var c in counts.Where(c => c.Requests > 0)) output.WriteLine($"window {c.WindowStart:HH:mm:ss} {c.Replica}: {c.Requests} requests ({c.SampledRequests} in its samples), {c.Errors} errors");
        Assert.True(matched, $"window totals {Describe(WindowCounts.Totals(counts))}, expected {Describe(expected)}\ningest:\n{Tail(ingest)}\nfeatures:\n{Tail(features)}");
        Assert.All(counts, c => Assert.Equal(c.SampledRequests, c.Requests));
        Assert.Contains(counts, c => c.Requests > 0 && c.WindowStart > counts.Min(x => x.WindowStart)); // more than one window carried load
        Assert.False(ingest.HasExited || features.HasExited, $"a stage exited:\n{Tail(ingest)}\n{Tail(features)}");
    }

    private static Task ScrapedAsync(PrometheusServer prometheus, ExpositionEndpoints endpoints, int a, int b) => prometheus.WaitUntilAsync(Count,
        v => v.GetValueOrDefault(endpoints.Instances[0]) == a && v.GetValueOrDefault(endpoints.Instances[1]) == b, $"counts {a} and {b}");

    private static string Describe(IReadOnlyDictionary<string, (long Requests, long Errors)> totals) =>
        string.Join(", ", totals.OrderBy(t => t.Key).Select(t => $"{t.Key}: {t.Value.Requests} requests, {t.Value.Errors} errors"));

    private static string Tail(PipelineProcess p) => p.Output[Math.Max(0, p.Output.Length - 2000)..];
}
