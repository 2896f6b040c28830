using Confluent.Kafka;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.Drills;

/// <summary>
/// Drill: two actuator processes in new consumer groups read the whole decision history from the earliest offset. Old
/// decisions (made 10 min earlier) and one for an older window than one already applied are reported stale; only the
/// fresh decision's replica count is ever applied, once: the second group reads the first one's results back on
/// assignment and reports every decision as a duplicate.
/// </summary>
public sealed class ActuatorReplayDrillTests
{
    [Fact]
    [Trait("Category", "Drill")]
    public void ActuatorProcesses_NewGroupsReplayHistory_OldCountsNeverApplied()
    {
        using var broker = KafkaTestBroker.Start();
        var service = $"replay-{Guid.NewGuid():N}"[..16];
        var now = DateTimeOffset.UtcNow;
        ScaleDecision Decision(int minutesAgo, int windowEndSeconds, int desired) => new()
        {
            Id = $"{service}/hpa/{minutesAgo}/{windowEndSeconds}", Service = service, Timestamp = now.AddMinutes(-minutesAgo),
            WindowEnd = now.AddMinutes(-minutesAgo).AddSeconds(windowEndSeconds), Policy = "hpa", CurrentReplicas = 2,
            DesiredReplicas = desired, Explanation = "drill",
        };
        using (var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build())
        {
            // Three old counts, then a fresh decision (7 replicas), then a fresh one for an older window (9 replicas).
            foreach (var d in new[] { Decision(12, 0, 11), Decision(11, 0, 12), Decision(10, 0, 13), Decision(0, 0, 7), Decision(0, -15, 9) })
                producer.Produce(TopicNames.ScaleDecisions, new Message<string, byte[]> { Key = service, Value = JsonSerde<ScaleDecision>.Instance.Serialize(d, default) });
            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(10)));
        }
        using var actuations = new TopicReader(broker.BootstrapServers, TopicNames.Actuations);
        IReadOnlyList<ActuationResult> Mine() => actuations.Records.Where(r => r.Key == service).Select(r => r.As<ActuationResult>()).ToList();

        for (var run = 1; run <= 2; run++)
        {
            using var actuator = PipelineProcess.Start(["actuator", "--target", "simulator", "--bootstrap", broker.BootstrapServers,
                "--group-prefix", $"replay{run}-{Guid.NewGuid():N}"[..14], "--metrics-port", "0"]);
            Assert.True(actuations.ReadUntil(_ => Mine().Count >= 5 * run, TimeSpan.FromSeconds(45)), actuator.Output);
        }

        var results = Mine();
        var applied = results.Where(r => r.Status is ActuationStatuses.Applied or ActuationStatuses.Clamped).ToList();
        Assert.Equal(10, results.Count);
        Assert.All(applied, r => Assert.Equal(7, r.AppliedReplicas));
        Assert.Single(applied); // the fresh decision, once across both groups
        Assert.Equal(4, results.Count(r => r.Status == ActuationStatuses.Stale));
        Assert.Equal(3, results.Count(r => r.Message.StartsWith("stale: decided ", StringComparison.Ordinal)));
        Assert.Equal(1, results.Count(r => r.Message.StartsWith("stale: window end ", StringComparison.Ordinal)));
        Assert.Equal(5, results.Count(r => r.Status == ActuationStatuses.Duplicate)); // the second group: read back
    }
}
