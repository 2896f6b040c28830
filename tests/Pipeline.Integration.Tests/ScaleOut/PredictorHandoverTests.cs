using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.Integration.Tests.Support;
using Pipeline.Predictor.Service;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Hosting;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.ScaleOut;

/// <summary>
/// A predictor instance that takes over a partition rebuilds the policy's per-service state from pipeline.features: after
/// five busy windows decided by one instance, the next owner decides a quiet window as an uninterrupted step would (the
/// HPA's scale-down stabilization remembers the busy windows), not as a cold one.
/// </summary>
public sealed class PredictorHandoverTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly PredictorOptions Hpa = new() { AutoscalingPolicy = "hpa", RoutingPolicy = "", ShadowPolicy = "" };

    [Fact]
    [Trait("Category", "ScaleOut")]
    public async Task NewOwner_RebuildsStateFromFeatures_DecidesAsTheUninterruptedStep()
    {
        using var broker = KafkaTestBroker.Start();
        var options = broker.Options();
        var windows = Enumerable.Range(0, 6).Select(i => Window(i, i < 5 ? 0.9 : 0.1)).ToList();
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build();
        void Produce(IEnumerable<FeatureWindow> some)
        {
            foreach (var w in some)
                producer.Produce(TopicNames.Features, new Message<string, byte[]> { Key = w.Service, Value = JsonSerde<FeatureWindow>.Instance.Serialize(w, default) });
            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(10)));
        }
        using var decisions = new TopicReader(broker.BootstrapServers, TopicNames.ScaleDecisions);

        Produce(windows.Take(5));
        var first = await StartPredictorAsync(options);
        Assert.True(decisions.ReadUntil(r => r.Count >= 5, TimeSpan.FromSeconds(60)), "the first owner decided fewer than 5 windows");
        await StageHostBuilder.StopAndDisposeAsync(first);
        Produce(windows.Skip(5));
        var second = await StartPredictorAsync(options);
        try
        {
            Assert.True(decisions.ReadUntil(r => r.Any(x => x.As<ScaleDecision>().WindowEnd == windows[5].WindowEnd), TimeSpan.FromSeconds(60)), "no decision by the new owner");
        }
        finally
        {
            await StageHostBuilder.StopAndDisposeAsync(second);
        }

        var handedOver = decisions.Records.Select(r => r.As<ScaleDecision>()).Single(d => d.WindowEnd == windows[5].WindowEnd);
        var uninterrupted = PredictorPolicies.CreateStep(Hpa);
        foreach (var w in windows.Take(5)) uninterrupted.Decide(w);
        var expected = uninterrupted.Decide(windows[5]).Scale;
        var cold = PredictorPolicies.CreateStep(Hpa).Decide(windows[5]).Scale;
        Assert.NotEqual(cold.DesiredReplicas, expected.DesiredReplicas);
        Assert.Equal((expected.DesiredReplicas, expected.Explanation), (handedOver.DesiredReplicas, handedOver.Explanation));
    }

    private static async Task<IHost> StartPredictorAsync(KafkaOptions options)
    {
        var host = StageHostBuilder.Build(s =>
        {
            s.AddPipelineKafka(options);
            s.AddSingleton(PredictorPolicies.CreateProcessor(Hpa));
            s.AddStage<PredictorProcessor>();
        });
        await host.StartAsync();
        return host;
    }

    private static FeatureWindow Window(int index, double utilization) => new()
    {
        Service = "handover",
        WindowStart = T0.AddSeconds(15 * index),
        WindowEnd = T0.AddSeconds(15 * (index + 1)),
        SampleCount = 60,
        Replicas = 4,
        ReadyReplicas = 4,
        RequestRate = 100,
        Utilization = utilization,
    };
}
