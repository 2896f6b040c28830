using Confluent.Kafka;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.BadInput;

/// <summary>
/// <c>pipeline features</c> with its default options: one sample stamped a year ahead is dead-lettered with the reason
/// and the service's later windows still close (before the bound was on by default, its watermark jumped a year and
/// every later sample was dead-lettered as late).
/// </summary>
public sealed class FutureTimestampTests
{
    [Fact]
    [Trait("Category", "Drill")]
    public void FeaturesProcess_OneSampleAYearAhead_DeadLetteredAndLaterWindowsStillClose()
    {
        using var broker = KafkaTestBroker.Start();
        var service = $"future-{Guid.NewGuid():N}"[..16];
        var now = DateTimeOffset.UtcNow;
        var t0 = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(-2);
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build();
        void Produce(DateTimeOffset at) => producer.Produce(TopicNames.Metrics, new Message<string, byte[]>
        {
            Key = service,
            Value = JsonSerde<MetricSample>.Instance.Serialize(
                new MetricSample { Service = service, Replica = "a", Timestamp = at, Requests = 5, Completed = 5, Utilization = 0.5 }, default),
        });
        for (var s = 1; s <= 20; s++) Produce(t0.AddSeconds(s));
        Produce(t0.AddDays(365));
        for (var s = 21; s <= 50; s++) Produce(t0.AddSeconds(s)); // watermark 45 s: [15,30) and [30,45) close after the outlier
        Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(10)));

        using var windows = new TopicReader(broker.BootstrapServers, TopicNames.Features);
        using var deadLetters = new TopicReader(broker.BootstrapServers, TopicNames.DeadLetters);
        using var features = PipelineProcess.Start(["features", "--bootstrap", broker.BootstrapServers, "--group-prefix", $"ft-{Guid.NewGuid():N}"[..11]]);

        var closed = windows.ReadUntil(r => r.Any(x => x.Key == service && x.As<FeatureWindow>().WindowStart == t0.AddSeconds(30)), TimeSpan.FromSeconds(45));
        deadLetters.ReadUntil(r => r.Any(x => x.Key == service), TimeSpan.FromSeconds(10));
        var mine = deadLetters.Records.Where(r => r.Key == service).Select(r => r.As<DeadLetter>()).ToList();

        Assert.True(closed, $"window [30 s, 45 s) never closed; dead letters: {string.Join(" | ", mine.Select(d => d.Reason))}\n{features.Output}");
        var rejected = Assert.Single(mine);
        Assert.StartsWith("too far ahead: sample timestamp ", rejected.Reason);
        Assert.Contains("(limit 300 s)", rejected.Reason);
        Assert.Equal(15, windows.Records.Where(r => r.Key == service).Select(r => r.As<FeatureWindow>()).Single(w => w.WindowStart == t0.AddSeconds(30)).SampleCount);
    }
}
