using System.Diagnostics;
using Confluent.Kafka;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.Integration.Tests.Support;
using Pipeline.TestSupport.Influx;
using Pipeline.TestSupport.Kafka;
using Xunit.Abstractions;

namespace Pipeline.Integration.Tests.Drills;

/// <summary>
/// Drill: features, predictor, actuator and sink run as separate processes on the embedded broker and a real influxd
/// while samples stream in; each stage is killed with SIGKILL at a random moment and restarted, <c>PIPELINE_KILL_DRILL_ROUNDS</c>
/// times (default 1). Counted afterwards: every window complete (none lost, none over-counted), a decision for every
/// window, an actuation result for every decision, no decision applied twice, every sample in InfluxDB.
/// Opt-in (<c>PIPELINE_KILL_DRILL=1</c>; <c>scripts/drill-kill.sh</c>): it runs for minutes.
/// </summary>
public sealed class KillDrillTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const int Replicas = 2;

    [OptInFact("PIPELINE_KILL_DRILL", "Kills and restarts each stage process while data flows; takes a minute or more per round.")]
    [Trait("Category", "Drill")]
    public async Task EveryStageKilledMidStream_NothingLost_NothingAppliedTwice()
    {
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("PIPELINE_KILL_DRILL_ROUNDS"), out var r) ? r : 1;
        var windows = 40 * rounds;
        using var broker = KafkaTestBroker.Start();
        await using var influx = await InfluxServer.StartAsync();
        var service = $"kill-{Guid.NewGuid():N}"[..12];
        using var features = new TopicReader(broker.BootstrapServers, TopicNames.Features);
        using var decisions = new TopicReader(broker.BootstrapServers, TopicNames.ScaleDecisions);
        using var actuations = new TopicReader(broker.BootstrapServers, TopicNames.Actuations);
        using var stages = new DrillStages(broker.BootstrapServers, influx.Url, influx.Database);
        Thread.Sleep(TimeSpan.FromSeconds(8)); // every stage subscribed

        var load = Task.Run(() => Produce(broker.BootstrapServers, service, windows * 15 + 20, TimeSpan.FromMilliseconds(40)));
        var kills = KillSchedule(rounds, TimeSpan.FromMilliseconds(40 * windows * 15), new Random());
        var clock = Stopwatch.StartNew();
        foreach (var (at, stage) in kills)
        {
            if (at > clock.Elapsed) Thread.Sleep(at - clock.Elapsed);
            stages.Kill(stage);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: killed {stage}");
            Thread.Sleep(TimeSpan.FromMilliseconds(500));
            stages.Start(stage);
        }
        var samples = await load;

        var expectedEnds = Enumerable.Range(1, windows).Select(j => T0.AddSeconds(15 * j)).ToHashSet();
        IEnumerable<FeatureWindow> Windows() => features.Records.Where(x => x.Key == service).Select(x => x.As<FeatureWindow>());
        IEnumerable<ScaleDecision> Decisions() => decisions.Records.Where(x => x.Key == service).Select(x => x.As<ScaleDecision>());
        IEnumerable<ActuationResult> Results() => actuations.Records.Where(x => x.Key == service).Select(x => x.As<ActuationResult>());
        var allWindows = features.ReadUntil(_ => expectedEnds.IsSubsetOf(Windows().Where(w => w.SampleCount == 15 * Replicas).Select(w => w.WindowEnd)), TimeSpan.FromSeconds(120));
        var allDecisions = decisions.ReadUntil(_ => expectedEnds.IsSubsetOf(Decisions().Select(d => d.WindowEnd)), TimeSpan.FromSeconds(60));
        var decisionIds = Decisions().Where(d => expectedEnds.Contains(d.WindowEnd)).Select(d => d.Id).ToHashSet();
        var allResults = actuations.ReadUntil(_ => decisionIds.IsSubsetOf(Results().Select(a => a.DecisionId)), TimeSpan.FromSeconds(60));
        actuations.ReadFor(TimeSpan.FromSeconds(2));
        long points = 0;
        await Eventually.HoldsAsync(async () =>
            (points = Count(await influx.QueryAsync($"SELECT count(requests) FROM metric_sample WHERE service = '{service}'"))) == samples, TimeSpan.FromSeconds(60));

        var overCounted = Windows().Count(w => w.SampleCount > 15 * Replicas);
        var appliedTwice = Results().Where(a => a.Status is ActuationStatuses.Applied or ActuationStatuses.Clamped)
            .GroupBy(a => a.DecisionId).Count(g => g.Count() > 1);
        output.WriteLine($"{kills.Count} kills, {samples} samples, {windows} windows ({Windows().Count()} published, {overCounted} over-counted), "
            + $"{decisionIds.Count} decisions ({Decisions().Count()} published), {Results().Count()} actuation results, {appliedTwice} decisions applied twice, "
            + $"{points} of {samples} samples in InfluxDB");
        Assert.True(allWindows, "windows missing\n" + stages.Outputs);
        Assert.True(allDecisions, "decisions missing\n" + stages.Outputs);
        Assert.True(allResults, "actuation results missing\n" + stages.Outputs);
        Assert.Equal(0, overCounted);
        Assert.Equal(0, appliedTwice);
        Assert.Equal(samples, points);
    }

    /// <summary>Each stage once per round, at random moments spread over <paramref name="span"/> (not in its first or last tenth).</summary>
    private static List<(TimeSpan At, string Stage)> KillSchedule(int rounds, TimeSpan span, Random random) =>
        [.. Enumerable.Range(0, rounds)
            .SelectMany(round => DrillStages.Names.Select(stage => (At: span * ((round + 0.1 + 0.8 * random.NextDouble()) / rounds), Stage: stage)))
            .OrderBy(k => k.At)];

    /// <summary>One sample per replica per virtual second up to <paramref name="seconds"/>, a virtual second every <paramref name="pace"/>; returns how many.</summary>
    private static int Produce(string bootstrap, string service, int seconds, TimeSpan pace)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, Acks = Acks.All, EnableIdempotence = true }).Build();
        var clock = Stopwatch.StartNew();
        for (var s = 1; s <= seconds; s++)
        {
            for (var replica = 0; replica < Replicas; replica++)
            {
                var sample = new MetricSample { Service = service, Replica = $"r{replica}", Timestamp = T0.AddSeconds(s), Requests = 5, Completed = 5, Utilization = 0.5 };
                producer.Produce(TopicNames.Metrics, new Message<string, byte[]> { Key = service, Value = JsonSerde<MetricSample>.Instance.Serialize(sample, default) });
            }
            var due = pace * s;
            if (due > clock.Elapsed) Thread.Sleep(due - clock.Elapsed);
        }
        if (producer.Flush(TimeSpan.FromSeconds(30)) != 0) throw new InvalidOperationException("samples not delivered");
        return seconds * Replicas;
    }

    private static long Count(IReadOnlyList<InfluxRow> rows) => rows.Count == 0 ? 0 : rows[0].GetLong("count");
}
