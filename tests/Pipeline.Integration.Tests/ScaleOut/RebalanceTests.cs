using System.Collections.Concurrent;
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
        using var outputs = new FleetOutputs(broker.BootstrapServers);
        var a = await ScaleOutInstance.StartAsync(options, applied);
        ScaleOutInstance? b = null;
        try
        {
            using var load = new FleetSampleLoad(broker.BootstrapServers, services, replicas: 2, tickMs: 100);
            Assert.True(await Eventually.HoldsAsync(() => a.Counter("features").Published >= services.Count, Wait), "instance A alone emitted no windows");
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
            Assert.True(outputs.ReadAll(load), "windows, decisions or actuations missing");

            var expected = FleetOutputs.Expected(load);
            var emitted = outputs.Windows(load);
            var scale = outputs.ScaleDecisions(load);
            output.WriteLine($"{load.Ticks} ticks, {services.Count} services: {expected.Count} windows expected; windows {beforeJoin} before B joined, " +
                $"{beforeLeave} before it left, {outputs.Records.Count} records at the end; B published {bFeatures} windows, {bDecisions} decisions, {bResults} results; " +
                $"{scale.Count} scale decisions for {scale.Select(d => d.Id).Distinct().Count()} windows; {applied.Count} decisions applied");
            foreach (var twice in applied.Where(p => p.Value > 1))
                output.WriteLine($"applied {twice.Value} times: {twice.Key}; results: {string.Join(", ", outputs.Results().Where(r => r.DecisionId == twice.Key).Select(r => $"{r.Status} at {r.Timestamp:O}"))}");

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
}
