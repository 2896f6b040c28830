using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Contracts.Topics;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.Broker;

/// <summary>
/// The demo's crash ("outputs not delivered within 30 s; offsets left uncommitted"): every stage of a process shares
/// one producer, and a stage's commit used to flush that whole producer, so steady output from the other stages made
/// it miss its deadline. A commit now waits for the stage's own outputs only.
/// </summary>
public sealed class SharedProducerTests
{
    private sealed class EchoProcessor : IStageProcessor
    {
        public string Stage => "shared-echo";
        public IReadOnlyList<string> InputTopics { get; } = [TopicNames.Features];

        public void Process(InputMessage message, IStageOutput output) =>
            output.Publish(TopicNames.RouteDecisions, message.Key ?? "", Encoding.UTF8.GetString(message.Value));
    }

    [Fact]
    public async Task Run_OtherStagesProduceSteadilyOnTheSharedProducer_CommitsWithoutTimingOut()
    {
        using var broker = KafkaTestBroker.Start();
        var options = broker.Options();
        var key = $"shared-{Guid.NewGuid():N}";
        using var shared = new ProducerBuilder<string?, byte[]>(KafkaClientConfigs.Producer(options, "shared")).Build();
        using var stop = new CancellationTokenSource();
        var loop = new ConsumeTransformProduceLoop(new EchoProcessor(), shared, options, new StageCounters(), TimeProvider.System,
            NullLogger.Instance) { FlushTimeout = TimeSpan.FromSeconds(2) };
        var stage = Task.Factory.StartNew(() => loop.Run(stop.Token), TaskCreationOptions.LongRunning);
        // Another "stage" keeps the shared producer's queue non-empty for the whole test (bounded: 12 s at most).
        var noise = Task.Run(async () =>
        {
            var payload = new byte[200];
            var until = DateTime.UtcNow.AddSeconds(12);
            while (!stop.IsCancellationRequested && DateTime.UtcNow < until)
            {
                for (var i = 0; i < 50; i++) shared.Produce(TopicNames.Metrics, new Message<string?, byte[]> { Key = "noise", Value = payload });
                await Task.Delay(1);
            }
        });
        using var input = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build();
        using var outputs = new TopicReader(broker.BootstrapServers, TopicNames.RouteDecisions);
        for (var i = 0; i < 40; i++)
        {
            input.Produce(TopicNames.Features, new Message<string, string> { Key = key, Value = $"m{i}" });
            input.Flush(TimeSpan.FromSeconds(10));
            await Task.Delay(150);
            Assert.False(stage.IsCompleted, stage.Exception?.GetBaseException().Message ?? "the stage stopped");
        }

        Assert.True(outputs.ReadUntil(r => r.Count(x => x.Key == key) >= 40, TimeSpan.FromSeconds(20)));
        await stop.CancelAsync();
        await noise;
        await stage; // the stage ran to the end (a commit that timed out used to stop it; now it only waits)
    }
}
