using System.Net;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Hosting;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Contracts.Messages;
using Pipeline.Runtime.Observability;
using Pipeline.Contracts.Topics;
using Pipeline.Integration.Tests.Support;
using Pipeline.TestSupport.Influx;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.Observability;

public sealed class StageObservabilityTests
{
    private const string Stage = "echo-observed";

    /// <summary>Echoes each record to the route-decisions topic; dead-letters "bad".</summary>
    private sealed class EchoProcessor : IStageProcessor
    {
        public string Stage => StageObservabilityTests.Stage;
        public IReadOnlyList<string> InputTopics { get; } = [TopicNames.Features];

        public void Process(InputMessage message, IStageOutput output)
        {
            var text = Encoding.UTF8.GetString(message.Value);
            if (text == "bad") output.DeadLetter("bad: test record");
            else output.Publish(TopicNames.RouteDecisions, message.Key ?? "", text);
        }
    }

    [Fact]
    public async Task Run_RecordsFlowThroughRealLoop_MetricsCountThemHealthzOkAndSnapshotPublished()
    {
        using var broker = KafkaTestBroker.Start();
        var metricsOptions = new StageMetricsOptions { Port = FreePort.Next(), SnapshotInterval = TimeSpan.FromMilliseconds(500), Instance = "test-instance" };
        using var health = new TopicReader(broker.BootstrapServers, TopicNames.Health);
        var host = StageHostBuilder.Build(s =>
        {
            s.AddPipelineKafka(broker.Options());
            s.AddStage<EchoProcessor>();
            s.AddStageObservability(metricsOptions);
        });
        await host.StartAsync();
        try
        {
            using (var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build())
            {
                foreach (var v in new[] { "a", "b", "bad", "c" })
                    producer.Produce(TopicNames.Features, new Message<string, string> { Key = "svc", Value = v });
                producer.Flush(TimeSpan.FromSeconds(10));
            }
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var url = $"http://127.0.0.1:{metricsOptions.Port}";
            var metrics = "";

            var counted = await Eventually.HoldsAsync(async () =>
            {
                metrics = await TryGet(http, $"{url}/metrics");
                return metrics.Contains($"pipeline_stage_consumed_total{{stage=\"{Stage}\",topic=\"{TopicNames.Features}\"}} 4");
            }, TimeSpan.FromSeconds(30));

            Assert.True(counted, metrics);
            Assert.Contains($"pipeline_stage_published_total{{stage=\"{Stage}\",topic=\"{TopicNames.RouteDecisions}\"}} 3", metrics);
            Assert.Contains($"pipeline_stage_dead_lettered_total{{stage=\"{Stage}\",topic=\"{TopicNames.Features}\"}} 1", metrics);
            using var healthz = await http.GetAsync($"{url}/healthz");
            Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
            Assert.True(health.ReadUntil(r => r.Any(x => x.Key == Stage && x.As<StageHealth>().Consumed == 4), TimeSpan.FromSeconds(30)));
            var snapshot = health.Records.Last(x => x.Key == Stage).As<StageHealth>();
            Assert.Equal(("test-instance", 4L, 3L, 1L, true), (snapshot.Instance, snapshot.Consumed, snapshot.Published, snapshot.DeadLettered, snapshot.Healthy));
            Assert.NotNull(snapshot.LastPollAgeSeconds);
        }
        finally
        {
            await StageHostBuilder.StopAndDisposeAsync(host);
        }
    }

    private static async Task<string> TryGet(HttpClient http, string url)
    {
        try
        {
            return await http.GetStringAsync(url);
        }
        catch (HttpRequestException)
        {
            return "";
        }
    }
}
