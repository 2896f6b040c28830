using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Hosting;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Integration.Tests.Support;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.Broker;

public sealed class ConsumeTransformProduceLoopTests
{
    /// <summary>Echoes each record's text to the route-decisions topic (as a string message); throws on "boom".</summary>
    private sealed class EchoProcessor : IStageProcessor
    {
        public string Stage => "echo";
        public IReadOnlyList<string> InputTopics { get; } = [TopicNames.Features];

        public void Process(InputMessage message, IStageOutput output)
        {
            var text = Encoding.UTF8.GetString(message.Value);
            if (text == "boom") throw new InvalidOperationException("cannot echo boom");
            output.Publish(TopicNames.RouteDecisions, message.Key ?? "", text);
        }
    }

    [Fact]
    public async Task Run_ThrowingRecordThenRestart_DeadLetteredAndCommittedRecordsNotReprocessed()
    {
        using var broker = KafkaTestBroker.Start();
        var options = broker.Options();
        var key = $"echo-{Guid.NewGuid():N}";
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build();
        void Send(params string[] values)
        {
            foreach (var v in values) producer.Produce(TopicNames.Features, new Message<string, string> { Key = key, Value = v });
            producer.Flush(TimeSpan.FromSeconds(10));
        }
        using var outputs = new TopicReader(broker.BootstrapServers, TopicNames.RouteDecisions);
        List<string> Echoed() => [.. outputs.Records.Where(r => r.Key == key).Select(r => r.As<string>())];

        Send("a", "boom", "b");
        await RunUntil(options, () => outputs.ReadUntil(_ => Echoed().Count >= 2, TimeSpan.FromSeconds(30)));
        Send("c");
        await RunUntil(options, () => outputs.ReadUntil(_ => Echoed().Count >= 3, TimeSpan.FromSeconds(30)));
        outputs.ReadFor(TimeSpan.FromSeconds(1));

        Assert.Equal(["a", "b", "c"], Echoed());
        using var deadLetters = new TopicReader(broker.BootstrapServers, TopicNames.DeadLetters);
        Assert.True(deadLetters.ReadUntil(r => r.Any(x => x.Key == key), TimeSpan.FromSeconds(10)));
        var letter = deadLetters.Records.Single(x => x.Key == key).As<DeadLetter>();
        Assert.Equal(("echo", TopicNames.Features, "boom"), (letter.Stage, letter.SourceTopic, Encoding.UTF8.GetString(letter.OriginalBytes)));
        Assert.Contains("cannot echo boom", letter.Reason);
    }

    private static async Task RunUntil(KafkaOptions options, Func<bool> done)
    {
        var host = StageHostBuilder.Build(s =>
        {
            s.AddPipelineKafka(options);
            s.AddStage<EchoProcessor>();
        });
        await host.StartAsync();
        try
        {
            Assert.True(await Task.Run(done));
            await Task.Delay(500); // past the commit interval
        }
        finally
        {
            await StageHostBuilder.StopAndDisposeAsync(host);
        }
    }
}
