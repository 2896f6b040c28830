using Confluent.Kafka;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.Features.Service;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.Processes;

/// <summary>A stage killed mid-stream and restarted resumes from its committed offsets without losing samples.</summary>
public sealed class StageRestartTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(FeaturesEngines.Loop)]
    [InlineData(FeaturesEngines.Streamiz)]
    public void FeaturesStage_KilledAndRestarted_EveryWindowComplete(string engine)
    {
        using var broker = KafkaTestBroker.Start();
        var service = $"restart-{Guid.NewGuid():N}"[..16];
        var stateDir = Path.Combine(Path.GetTempPath(), $"pipeline-restart-{Guid.NewGuid():N}");
        string[] args = ["features", "--bootstrap", broker.BootstrapServers, "--group-prefix", $"rs-{Guid.NewGuid():N}"[..11],
            "--engine", engine, "--state-dir", stateDir];
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build();
        void Produce(int from, int to)
        {
            for (var s = from; s <= to; s++)
            {
                foreach (var replica in new[] { "a", "b" })
                {
                    var sample = new MetricSample { Service = service, Replica = replica, Timestamp = T0.AddSeconds(s), Requests = 5, Completed = 5, Utilization = 0.5 };
                    producer.Produce(TopicNames.Metrics, new Message<string, byte[]> { Key = service, Value = JsonSerde<MetricSample>.Instance.Serialize(sample, default) });
                }
            }
            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(10)));
        }
        using var windows = new TopicReader(broker.BootstrapServers, TopicNames.Features);
        IEnumerable<FeatureWindow> Mine() => windows.Records.Where(r => r.Key == service).Select(r => r.As<FeatureWindow>());

        Produce(1, 52); // closes [0,15), [15,30), [30,45); [45,60) stays open with 7 samples per replica
        using (var first = PipelineProcess.Start(args))
        {
            Assert.True(windows.ReadUntil(_ => Mine().Count() >= 3, TimeSpan.FromSeconds(60)), first.Output);
            Thread.Sleep(1000); // let it commit what it may
            first.Kill();
        }

        Produce(53, 100); // watermark 95: [45,60) .. [75,90) close after the restart
        using var second = PipelineProcess.Start(args);
        var done = windows.ReadUntil(_ => Mine().Any(w => w.WindowStart == T0.AddSeconds(75)), TimeSpan.FromSeconds(60));
        Assert.True(done, second.Output);

        for (var start = 0; start <= 75; start += 15)
        {
            var copies = Mine().Where(w => w.WindowStart == T0.AddSeconds(start)).ToList();
            Assert.Contains(copies, w => w.SampleCount == 30);
            Assert.All(copies, w => Assert.True(w.SampleCount <= 30, $"window at {start}s counted {w.SampleCount} samples"));
        }
    }
}
