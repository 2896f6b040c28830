using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Contracts.Topics;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.Broker;

/// <summary>
/// Periodic work (the features stage's idle-window closing) waits while every broker is down and for the resume grace
/// after they answer again, whether records arrive or not: the first records after an outage (the stage's re-read, the
/// first source to reconnect) used to end the wait, and services whose sources reconnect later had their open windows
/// closed for idleness that was the outage.
/// </summary>
public sealed class OutageTickHoldTests
{
    private sealed class RecordingProcessor : IStageProcessor
    {
        public readonly Stopwatch Clock = Stopwatch.StartNew();
        public readonly List<TimeSpan> Processed = [];
        public readonly List<TimeSpan> Ticks = [];

        public string Stage => "tick-hold";
        public IReadOnlyList<string> InputTopics { get; } = [TopicNames.Metrics];

        public void Process(InputMessage message, IStageOutput output)
        {
            lock (Processed) Processed.Add(Clock.Elapsed);
        }

        public void Tick(IStageOutput output)
        {
            lock (Ticks) Ticks.Add(Clock.Elapsed);
        }
    }

    [Fact]
    public async Task Run_RecordsRightAfterAnOutage_NoTickUntilTheGraceAfterTheBrokersAnswer()
    {
        using var broker = KafkaTestBroker.Start();
        var options = broker.Options($"hold-{Guid.NewGuid():N}"[..13]);
        using var producer = new ProducerBuilder<string?, byte[]>(KafkaClientConfigs.Producer(options, "hold")).Build();
        void Produce() { for (var i = 0; i < 100; i++) producer.Produce(TopicNames.Metrics, new Message<string?, byte[]> { Key = "k", Value = [1] }); }
        Produce();
        var processor = new RecordingProcessor();
        using var stop = new CancellationTokenSource();
        var loop = new ConsumeTransformProduceLoop(processor, producer, options, new StageCounters(), TimeProvider.System, NullLogger.Instance)
        { ResumeGrace = TimeSpan.FromSeconds(8) };
        var stage = Task.Factory.StartNew(() => loop.Run(stop.Token), TaskCreationOptions.LongRunning);
        while (Count(processor.Processed) < 100) await Task.Delay(50);

        var down = processor.Clock.Elapsed;
        broker.SetBrokersUp(false);
        await Task.Delay(TimeSpan.FromSeconds(10));
        var up = processor.Clock.Elapsed;
        broker.SetBrokersUp(true);
        Produce(); // delivered as soon as the producer reconnects: records arrive within the grace
        var resumed = await Eventually(() => { lock (processor.Ticks) return processor.Ticks.Any(t => t > up); }, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await stage;

        var grace = up + TimeSpan.FromSeconds(7); // the brokers answer after "up": the grace ends later than this
        Assert.True(During(processor.Processed, up, grace) > 0, "no record arrived within the grace; the test proved nothing");
        Assert.Equal(0, During(processor.Ticks, down + TimeSpan.FromSeconds(2), grace));
        Assert.True(resumed, "periodic work did not resume after the outage");
    }

    private static int Count(List<TimeSpan> times) { lock (times) return times.Count; }

    private static int During(List<TimeSpan> times, TimeSpan from, TimeSpan to) { lock (times) return times.Count(t => t > from && t < to); }

    private static async Task<bool> Eventually(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(100);
        }
        return true;
    }
}
