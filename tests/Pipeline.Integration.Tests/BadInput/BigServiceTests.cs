using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Features.Service;
using Pipeline.Features.Windowing;
using Pipeline.Integration.Tests.Support;
using Pipeline.Predictor.Service;
using Pipeline.Runtime.Kafka.Hosting;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.BadInput;

/// <summary>
/// A service with hundreds of replicas: its window is far over the 64 KiB metrics limit yet published and decided on,
/// and replicas past the per-window cap are dead-lettered with the reason (embedded broker, real stages).
/// </summary>
public sealed class BigServiceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task WindowOf380Replicas_PublishedAndDecided_ReplicasPastTheCapDeadLettered()
    {
        using var broker = KafkaTestBroker.Start();
        var service = $"big-{Guid.NewGuid():N}"[..12];
        var host = StageHostBuilder.Build(s =>
        {
            s.AddPipelineKafka(broker.Options());
            s.AddSingleton(new WindowingOptions { MaxReplicasPerWindow = 380 });
            s.AddFeaturesStage(FeaturesEngines.Loop, new());
            s.AddSingleton(PredictorPolicies.CreateProcessor(new PredictorOptions()));
            s.AddStage<PredictorProcessor>();
        });
        await host.StartAsync();
        try
        {
            using var features = new TopicReader(broker.BootstrapServers, TopicNames.Features);
            using var decisions = new TopicReader(broker.BootstrapServers, TopicNames.ScaleDecisions);
            using var deadLetters = new TopicReader(broker.BootstrapServers, TopicNames.DeadLetters);
            using (var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build())
            {
                for (var r = 0; r < 400; r++) producer.Produce(TopicNames.Metrics, new Message<string, byte[]> { Key = service, Value = Sample(service, $"replica-{r:000}", 1) });
                producer.Produce(TopicNames.Metrics, new Message<string, byte[]> { Key = service, Value = Sample(service, "replica-000", 40) });
                producer.Flush(TimeSpan.FromSeconds(10));
            }

            Assert.True(features.ReadUntil(r => r.Any(x => x.Key == service), TimeSpan.FromSeconds(60)), "no window published");
            Assert.True(decisions.ReadUntil(r => r.Any(x => x.Key == service), TimeSpan.FromSeconds(60)), "no decision for the big service");
            Assert.True(deadLetters.ReadUntil(r => r.Count(x => x.Key == service) >= 20, TimeSpan.FromSeconds(30)));
            deadLetters.ReadFor(TimeSpan.FromSeconds(1));

            var window = features.Records.First(x => x.Key == service);
            Assert.True(window.Value.Length > 64 * 1024, $"the window is {window.Value.Length} bytes");
            Assert.Equal(380, window.As<FeatureWindow>().Replicas);
            var letters = deadLetters.Records.Where(x => x.Key == service).Select(x => x.As<DeadLetter>()).ToList();
            Assert.Equal(20, letters.Count);
            Assert.All(letters, l => Assert.StartsWith("limit: window", l.Reason));
            Assert.All(letters, l => Assert.Equal(("features", TopicNames.Metrics), (l.Stage, l.SourceTopic)));
        }
        finally
        {
            await StageHostBuilder.StopAndDisposeAsync(host);
        }
    }

    private static byte[] Sample(string service, string replica, int second) => Encoding.UTF8.GetBytes(
        $"{{\"service\":\"{service}\",\"replica\":\"{replica}\",\"timestamp\":\"{T0.AddSeconds(second):O}\",\"intervalSeconds\":1," +
        "\"requests\":10,\"completed\":10,\"errors\":0,\"utilization\":0.5,\"inFlight\":1,\"ready\":true}");
}
