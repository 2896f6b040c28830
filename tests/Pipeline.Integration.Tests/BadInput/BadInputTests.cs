using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Actuator.Safety;
using Pipeline.Actuator.Service;
using Pipeline.Actuator.Targets;
using Pipeline.Cli.Commands;
using Pipeline.Runtime.Kafka.Hosting;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.Features.Service;
using Pipeline.Features.Streamiz;
using Pipeline.Features.Windowing;
using Pipeline.Integration.Tests.Support;
using Pipeline.Predictor.Service;
using Pipeline.TestSupport.Influx;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.BadInput;

/// <summary>
/// Malformed, oversized, NaN, negative, out-of-order and duplicate input on every stage's input topics: each record is
/// either processed (counted in a window) or in the dead-letter topic with a reason, and no stage stops.
/// </summary>
public sealed class BadInputTests(InfluxServer influx) : IClassFixture<InfluxServer>
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(FeaturesEngines.Loop)]
    [InlineData(FeaturesEngines.Streamiz)]
    public async Task BadRecords_OnEveryInputTopic_ProcessedOrDeadLetteredWithReason(string engine)
    {
        using var broker = KafkaTestBroker.Start();
        var service = $"bad-{Guid.NewGuid():N}"[..12];
        var host = StageHostBuilder.Build(s =>
        {
            s.AddPipelineKafka(broker.Options());
            s.AddSingleton(new WindowingOptions { WindowSize = TimeSpan.FromSeconds(15), Grace = TimeSpan.FromSeconds(5) });
            s.AddFeaturesStage(engine, new StreamizOptions { StateDir = Path.Combine(Path.GetTempPath(), "pipeline-test-streamiz") });
            s.AddSingleton(PredictorPolicies.CreateProcessor(new PredictorOptions()));
            s.AddStage<PredictorProcessor>();
            s.AddActuator(new ActuatorOptions(), _ => ActuatorTargets.CreateDefault().Create(ActuatorTargetNames.DryRun));
            SinkCommand.AddSink(s, SinkCommand.WriterOptions(influx.Url.ToString(), influx.Database));
        });
        await host.StartAsync();
        var expectations = new List<(string Topic, byte[] Value, string Stage, string[] ReasonParts)>();
        try
        {
            using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build();
            void Send(string topic, byte[] value) => producer.Produce(topic, new Message<string, byte[]> { Key = service, Value = value });
            void Bad(string topic, byte[] value, string stage, params string[] reason)
            {
                Send(topic, value);
                expectations.Add((topic, value, stage, reason));
            }

            for (var s = 1; s <= 14; s++) Send(TopicNames.Metrics, Sample("r1", s));
            Bad(TopicNames.Metrics, Encoding.UTF8.GetBytes($"{{\"service\":\"{service}\",\"replica\":"), "features", "malformed");
            Bad(TopicNames.Metrics, Sample("r1", 6, replicaPadding: 70_000), "features", "oversized");
            Bad(TopicNames.Metrics, Encoding.UTF8.GetBytes(Json("r3", 7).Replace("\"utilization\":0.5", "\"utilization\":NaN", StringComparison.Ordinal)), "features", "invalid", "utilization");
            Bad(TopicNames.Metrics, Encoding.UTF8.GetBytes(Json("r3", 8).Replace("\"requests\":10", "\"requests\":-3", StringComparison.Ordinal)), "features", "invalid", "requests");
            Bad(TopicNames.Metrics, Sample("r1", 5), "features", "duplicate");
            Bad(TopicNames.Metrics, Encoding.UTF8.GetBytes(Json("r3", 9).Replace($"\"service\":\"{service}\"", "\"service\":\"..\"", StringComparison.Ordinal)),
                "features", "invalid", "service: must not be only dots");
            Send(TopicNames.Metrics, Sample("r2", 14));
            Send(TopicNames.Metrics, Sample("r2", 12)); // out of order, within the grace: counted
            Send(TopicNames.Metrics, Sample("r1", 40)); // watermark 35 s: the first two windows close
            Bad(TopicNames.Metrics, Sample("r2", 3), "features", "late");
            Send(TopicNames.Metrics, Sample("r1", 60));

            Bad(TopicNames.Features, Encoding.UTF8.GetBytes("[1,2,3]"), "predictor", "malformed");
            Bad(TopicNames.Features, Encoding.UTF8.GetBytes($"{{\"service\":\"{service}\",\"windowStart\":\"2026-01-01T00:00:15Z\",\"windowEnd\":\"2026-01-01T00:00:00Z\"}}"),
                "predictor", "invalid", "windowEnd");
            Bad(TopicNames.Features, Encoding.UTF8.GetBytes("{\"service\":\"..\",\"windowStart\":\"2026-01-01T00:00:00Z\",\"windowEnd\":\"2026-01-01T00:00:15Z\"}"),
                "predictor", "invalid", "service: must not be only dots");
            Bad(TopicNames.Actuations, Encoding.UTF8.GetBytes("not json"), "predictor", "malformed");
            Bad(TopicNames.ScaleDecisions, Serialize(new ScaleDecision
            {
                Id = $"{service}/x/1", Service = service, Timestamp = T0, Policy = "hpa", DesiredReplicas = -1, Explanation = "test",
            }), "actuator", "invalid", "desiredReplicas");
            Bad(TopicNames.RouteDecisions, Encoding.UTF8.GetBytes("{\"id\":"), "actuator", "malformed");
            Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(10)));

            using var deadLetters = new TopicReader(broker.BootstrapServers, TopicNames.DeadLetters);
            var all = deadLetters.ReadUntil(r => expectations.All(e => Find(r, e.Stage, e.Value) is not null), TimeSpan.FromSeconds(30));
            foreach (var e in expectations)
            {
                var letter = Find(deadLetters.Records, e.Stage, e.Value);
                Assert.True(letter is not null, $"no dead letter from {e.Stage} for {e.Topic} record {Encoding.UTF8.GetString(e.Value)[..Math.Min(80, e.Value.Length)]}");
                Assert.Equal(e.Topic, letter.SourceTopic);
                foreach (var part in e.ReasonParts) Assert.Contains(part, letter.Reason, StringComparison.OrdinalIgnoreCase);
            }
            Assert.True(all);

            using var features = new TopicReader(broker.BootstrapServers, TopicNames.Features);
            Assert.True(features.ReadUntil(r => FirstWindow(r, service) is not null, TimeSpan.FromSeconds(20)), "the first window never closed");
            var first = FirstWindow(features.Records, service)!;
            Assert.Equal(16, first.SampleCount); // 14 from r1 + r2 at 14 s and, out of order, at 12 s
            Assert.Equal(2, first.Replicas);

            Assert.True(await Eventually.HoldsAsync(async () =>
                (await influx.QueryAsync($"SELECT count(\"reason\") FROM \"dead_letter\" WHERE \"stage\" = 'features' AND \"key\" = '{service}'")) is [var row]
                && row.GetLong("count") >= expectations.Count(e => e.Stage == "features"),
                TimeSpan.FromSeconds(20)),
                "dead letters not counted in InfluxDB: " + string.Join("; ", await influx.QueryAsync("SELECT count(\"reason\") FROM \"dead_letter\" GROUP BY \"stage\"")));
        }
        finally
        {
            await StageHostBuilder.StopAndDisposeAsync(host);
        }

        byte[] Sample(string replica, int second, int replicaPadding = 0) =>
            Encoding.UTF8.GetBytes(Json(replicaPadding > 0 ? replica + new string('x', replicaPadding) : replica, second));

        string Json(string replica, int second) =>
            $"{{\"service\":\"{service}\",\"replica\":\"{replica}\",\"timestamp\":\"{T0.AddSeconds(second):O}\",\"intervalSeconds\":1," +
            "\"requests\":10,\"completed\":10,\"errors\":0,\"utilization\":0.5,\"inFlight\":1,\"ready\":true}";
    }

    private static DeadLetter? Find(IReadOnlyList<ReadRecord> records, string stage, byte[] value) =>
        records.Select(r => r.As<DeadLetter>()).FirstOrDefault(d => d.Stage == stage && (d.OriginalBytes.AsSpan().SequenceEqual(value)
            || (d.Reason.Contains("truncated", StringComparison.Ordinal) && value.AsSpan().StartsWith(d.OriginalBytes))));

    private static FeatureWindow? FirstWindow(IReadOnlyList<ReadRecord> records, string service) =>
        records.Where(r => r.Key == service && r.Value.Length > 0 && r.Value[0] == (byte)'{')
            .Select(r => r.As<FeatureWindow>())
            .FirstOrDefault(w => w.WindowStart == T0 && w.SampleCount > 0);

    private static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, JsonDefaults.Options);
}
