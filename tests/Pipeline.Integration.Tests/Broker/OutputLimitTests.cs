using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Integration.Tests.Support;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Hosting;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.Broker;

/// <summary>An output over its topic's limit, or over the producer's message.max.bytes, is dead-lettered with the reason and counted, in Tick too.</summary>
public sealed class OutputLimitTests
{
    /// <summary>On its first tick publishes a small, a too-large and another small record (keyed by the test's run).</summary>
    private sealed class TickBurstProcessor(RunKey run) : IStageProcessor
    {
        private bool _done;
        public string Stage => "burst";
        public IReadOnlyList<string> InputTopics { get; } = [TopicNames.Features];
        public void Process(InputMessage message, IStageOutput output) { }

        public void Tick(IStageOutput output)
        {
            if (_done) return;
            _done = true;
            output.Publish(TopicNames.RouteDecisions, run.Key, "small-1");
            output.Publish(TopicNames.RouteDecisions, run.Key, new string('x', 6000));
            output.Publish(TopicNames.RouteDecisions, run.Key, "small-2");
        }
    }

    private sealed record RunKey(string Key);

    [Theory]
    [InlineData("limit")]
    [InlineData("producer")]
    public async Task Tick_OutputTooLarge_DeadLetteredWithReasonAndCounted_OthersPublished(string refusedBy)
    {
        using var broker = KafkaTestBroker.Start();
        var options = broker.Options();
        options.MaxMessageBytes = 4096; // dead letters keep the first 1,024 bytes
        if (refusedBy == "limit") options.MaxStageMessageBytes = 4096;
        else options.ClientProperties = new Dictionary<string, string> { ["message.max.bytes"] = "3000" };
        var run = new RunKey($"burst-{Guid.NewGuid():N}");
        using var outputs = new TopicReader(broker.BootstrapServers, TopicNames.RouteDecisions);
        using var deadLetters = new TopicReader(broker.BootstrapServers, TopicNames.DeadLetters);

        var host = StageHostBuilder.Build(s =>
        {
            s.AddPipelineKafka(options);
            s.AddSingleton(run);
            s.AddStage<TickBurstProcessor>();
        });
        await host.StartAsync();
        try
        {
            Assert.True(deadLetters.ReadUntil(r => r.Any(x => x.Key == run.Key), TimeSpan.FromSeconds(30)));
            Assert.True(outputs.ReadUntil(r => r.Count(x => x.Key == run.Key) >= 2, TimeSpan.FromSeconds(10)));
            var counter = host.Services.GetRequiredService<StageCounters>().For("burst");

            Assert.Equal(["small-1", "small-2"], outputs.Records.Where(x => x.Key == run.Key).Select(x => x.As<string>()));
            var letter = deadLetters.Records.Single(x => x.Key == run.Key).As<DeadLetter>();
            Assert.Equal(("burst", TopicNames.RouteDecisions, -1L), (letter.Stage, letter.SourceTopic, letter.Offset));
            Assert.Contains(refusedBy == "limit" ? "output too large" : "output refused", letter.Reason);
            Assert.StartsWith("\"xxxx", Encoding.UTF8.GetString(letter.OriginalBytes));
            Assert.Equal(1, counter.DeadLettered);
            Assert.Contains(counter.Reasons.All, r => r.Count == 1 && r.Kind.StartsWith("output", StringComparison.Ordinal));
        }
        finally
        {
            await StageHostBuilder.StopAndDisposeAsync(host);
        }
    }
}
