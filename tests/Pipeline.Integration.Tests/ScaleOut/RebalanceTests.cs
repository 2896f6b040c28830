using System.Collections.Concurrent;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Integration.Tests.Support;
using Pipeline.TestSupport.Kafka;
using Xunit.Abstractions;

namespace Pipeline.Integration.Tests.ScaleOut;

/// <summary>
/// Two instances of features, predictor and actuator in one consumer group on the embedded broker: under steady load for
/// many services the second joins, takes partitions, then leaves. Every (service, window) is on pipeline.features
/// exactly once and complete, every window is decided (decisions at least once, a repeat with the same id), and every
/// decision is applied exactly once across both instances.
/// </summary>
public sealed class RebalanceTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    [Trait("Category", "ScaleOut")]
    public async Task SecondInstance_JoinsAndLeavesUnderLoad_EveryWindowOnceEveryDecisionAppliedOnce()
    {
        using var broker = KafkaTestBroker.Start();
        var options = broker.Options();
        options.HeartbeatIntervalMs = 250;
        options.SessionTimeoutMs = 3000;
        var applied = new ConcurrentDictionary<string, int>();
        var services = Enumerable.Range(0, 24).Select(i => $"svc-{i:00}").ToList();
        using var windows = new TopicReader(broker.BootstrapServers, TopicNames.Features);
        using var decisions = new TopicReader(broker.BootstrapServers, TopicNames.ScaleDecisions);
        using var results = new TopicReader(broker.BootstrapServers, TopicNames.Actuations);
        var a = await ScaleOutInstance.StartAsync(options, applied);
        ScaleOutInstance? b = null;
        try
        {
            using var load = new FleetSampleLoad(broker.BootstrapServers, services, replicas: 2, tickMs: 100);
            Assert.True(windows.ReadUntil(r => r.Select(x => x.Key).Distinct().Count() == services.Count, Wait), "instance A alone emitted no window for some service");
            var beforeJoin = a.Counter("features").Published;

            b = await ScaleOutInstance.StartAsync(options, applied);
            Assert.True(await Eventually.HoldsAsync(() => b.Counter("features").Published >= 20 && b.Counter("predictor").Published >= 20
                    && b.Counter("actuator").Published >= 10, Wait), "instance B never took over partitions of every stage");
            var beforeLeave = a.Counter("features").Published + b.Counter("features").Published;
            var (bFeatures, bDecisions, bResults) = (b.Counter("features").Published, b.Counter("predictor").Published, b.Counter("actuator").Published);
            await b.StopAsync();
            b = null;

            var aFeatures = a.Counter("features").Published;
            Assert.True(await Eventually.HoldsAsync(() => a.Counter("features").Published >= aFeatures + 2 * services.Count, Wait), "instance A did not go on alone");
            load.Stop(ahead: TimeSpan.FromMinutes(5));
            Assert.Equal(0, load.Failed);

            var expected = ExpectedWindows(services, load.Ticks, load.Replicas);
            Assert.True(windows.ReadUntil(r => Ours(r, load.Ticks).Select(w => (w.Service, w.WindowStart)).Distinct().Count() >= expected.Count, Wait), "windows missing");
            Assert.True(decisions.ReadUntil(r => r.Select(x => x.As<ScaleDecision>()).Where(d => d.WindowEnd <= LastEnd(load.Ticks)).Select(d => d.Id).Distinct().Count() >= expected.Count, Wait),
                "decisions missing");
            Assert.True(results.ReadUntil(r => r.Select(x => x.As<ActuationResult>()).Count(x => x.Status == ActuationStatuses.Applied) >= expected.Count, Wait), "actuations missing");
            // Whatever would come twice comes within these seconds: read on.
            windows.ReadFor(TimeSpan.FromSeconds(2));
            decisions.ReadFor(TimeSpan.FromSeconds(1));
            results.ReadFor(TimeSpan.FromSeconds(1));

            var emitted = Ours(windows.Records, load.Ticks).ToList();
            var scale = decisions.Records.Select(x => x.As<ScaleDecision>()).Where(d => d.WindowEnd <= LastEnd(load.Ticks)).ToList();
            output.WriteLine($"{load.Ticks} ticks, {services.Count} services: {expected.Count} windows expected; windows {beforeJoin} before B joined, " +
                $"{beforeLeave} before it left, {windows.Records.Count} records at the end; B published {bFeatures} windows, {bDecisions} decisions, {bResults} results; " +
                $"{scale.Count} scale decisions for {scale.Select(d => d.Id).Distinct().Count()} windows; {applied.Count} decisions applied");

            foreach (var twice in applied.Where(p => p.Value > 1))
            {
                foreach (var r in results.Records.Where(r => r.As<ActuationResult>().DecisionId == twice.Key))
                    output.WriteLine($"DIAG result {twice.Key} p{r.Partition}@{r.Offset} {r.As<ActuationResult>().Status} {r.As<ActuationResult>().Timestamp:O}");
                foreach (var r in decisions.Records.Where(r => r.As<ScaleDecision>().Id == twice.Key))
                    output.WriteLine($"DIAG decision {twice.Key} p{r.Partition}@{r.Offset} {r.As<ScaleDecision>().Timestamp:O}");
            }
            Assert.Equal(expected.OrderBy(e => e.Key).ToList(), emitted.GroupBy(w => (w.Service, w.WindowStart))
                .ToDictionary(g => g.Key, g => g.Single().SampleCount).OrderBy(e => e.Key).ToList());
            foreach (var window in scale.GroupBy(d => (d.Service, d.WindowEnd))) Assert.Single(window.Select(d => d.Id).Distinct());
            Assert.Equal(expected.Count, scale.Select(d => d.Id).Distinct().Count());
            Assert.All(scale, d => Assert.Equal(1, applied.GetValueOrDefault(d.Id)));
            Assert.All(applied, p => Assert.Equal(1, p.Value));
        }
        finally
        {
            if (b is not null) await b.StopAsync();
            await a.StopAsync();
        }
    }

    /// <summary>After the last window start of the load, before the closing sample's window.</summary>
    private static DateTimeOffset End(int ticks) => FleetSampleLoad.T0.AddSeconds(ticks + 30);

    /// <summary>After the last window end of the load, before the closing sample's window.</summary>
    private static DateTimeOffset LastEnd(int ticks) => FleetSampleLoad.T0.AddSeconds(ticks + 45);

    /// <summary>The windows of the load itself (not the one the closing sample opened).</summary>
    private static IEnumerable<FeatureWindow> Ours(IReadOnlyList<ReadRecord> records, int ticks) =>
        records.Select(r => r.As<FeatureWindow>()).Where(w => w.WindowStart < End(ticks));

    /// <summary>Samples per (service, window start) sent: a sample stamped s covers (s - 1 s, s], in window [15k, 15k + 15) for 15k &lt; s &lt;= 15k + 15.</summary>
    private static Dictionary<(string, DateTimeOffset), int> ExpectedWindows(IReadOnlyList<string> services, int ticks, int replicas) =>
        services.SelectMany((s, i) => Enumerable.Range(0, ticks).Select(n => (s, Start: FleetSampleLoad.T0.AddSeconds(
                ((int)(FleetSampleLoad.Stamp(i, n) - FleetSampleLoad.T0).TotalSeconds - 1) / 15 * 15))))
            .GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count() * replicas);
}
