using System.Net;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Contracts.Topics;
using Pipeline.Ingest.Push;
using Pipeline.Runtime.Kafka;
using Pipeline.TestSupport.Influx;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Stages.Tests.Ingest.Push;

/// <summary>The push source on real HTTP and the embedded broker: 200 only once the samples are on the metrics topic.</summary>
public sealed class PushIngestServiceTests
{
    private const string Batch = """[{"service":"push","replica":"r1","timestamp":"2026-01-01T00:00:01Z"},{"service":"push","replica":"r2","timestamp":"2026-01-01T00:00:01Z"}]""";

    private static async Task<(HttpStatusCode Status, string Body)> RunAsync(KafkaTestBroker broker, string body, bool brokersDown = false)
    {
        using var producer = new ProducerBuilder<string?, byte[]>(KafkaClientConfigs.Producer(broker.Options(), "push-test")).Build();
        var options = new PushOptions { Prefix = $"http://127.0.0.1:{FreePort.Next()}/", DeliveryTimeout = TimeSpan.FromSeconds(2) };
        using var service = new PushIngestService(producer, options, TimeProvider.System, NullLogger<PushIngestService>.Instance);
        await service.StartAsync(CancellationToken.None);
        using var http = new HttpClient();
        if (brokersDown) broker.SetBrokersUp(false);
        using var response = await http.PostAsync(new Uri(options.Prefix + "samples"), new StringContent(body, Encoding.UTF8));
        var answer = (response.StatusCode, await response.Content.ReadAsStringAsync());
        broker.SetBrokersUp(true);
        await service.StopAsync(CancellationToken.None);
        return answer;
    }

    [Fact]
    public async Task Post_Batch_AnsweredAfterEverySampleIsOnTheTopic()
    {
        using var broker = KafkaTestBroker.Start();
        using var metrics = new TopicReader(broker.BootstrapServers, TopicNames.Metrics);

        var (status, body) = await RunAsync(broker, Batch);

        Assert.Equal((HttpStatusCode.OK, "{\"accepted\":2}"), (status, body.Trim()));
        Assert.True(metrics.ReadUntil(r => r.Count(x => x.Key == "push") == 2, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Post_InvalidSample_400AndNothingProduced()
    {
        using var broker = KafkaTestBroker.Start();
        using var metrics = new TopicReader(broker.BootstrapServers, TopicNames.Metrics);

        var (status, body) = await RunAsync(broker, Batch.Replace("\"r2\"", "\"\""));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith("sample 1: invalid", body);
        metrics.ReadFor(TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(metrics.Records, r => r.Key == "push");
    }

    [Fact]
    public async Task Post_BrokersDown_503NotAcknowledged()
    {
        using var broker = KafkaTestBroker.Start();

        var (status, body) = await RunAsync(broker, Batch, brokersDown: true);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("not acknowledged by the broker within 2 s; retry", body);
    }
}
