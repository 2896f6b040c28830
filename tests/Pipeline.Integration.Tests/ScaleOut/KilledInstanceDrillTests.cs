using System.Collections.Concurrent;
using Pipeline.Contracts.Messages;
using Pipeline.Features.Windowing;
using Pipeline.Integration.Tests.Support;
using Pipeline.TestSupport.Kafka;
using Xunit.Abstractions;

namespace Pipeline.Integration.Tests.ScaleOut;

/// <summary>
/// Drill: a second instance of features, predictor and actuator, as `pipeline` processes, joins the groups under load,
/// its actuator (simulator relay target: its published result is the application) applies scale and route decisions, and
/// at a random moment all three are killed (SIGKILL): their partitions are lost, not revoked, so nothing of their last
/// moments is committed and instance A takes them over after the session timeout, re-reading from the last commit. Every
/// window still reaches pipeline.features complete (a window the killed instance had in flight may come twice, each copy
/// complete), every window is decided, every decision is applied exactly once across both actuators (A re-reads the
/// killed one's results from pipeline.actuations on assignment) or reported stale behind a newer one, and the services
/// the killed actuator owned get their next decision applied within one window plus the session timeout.
/// </summary>
public sealed class KilledInstanceDrillTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private const string ProcessTarget = "simulator";
    // The load's event time is fixed in the past (2026-01-01) and decisions are stamped with their window end, so the
    // process's 2 min age rail would report every decision stale; instance A has no age rail either.
    private static readonly string[] ActuatorArguments = ["--max-decision-age", "off"];

    private const int SessionTimeoutMs = 3000;

    /// <summary>Decisions go on within one window (15 s) and the session timeout (3 s) of the kill.</summary>
    private static readonly TimeSpan Bound = new WindowingOptions().WindowSize + TimeSpan.FromMilliseconds(SessionTimeoutMs);

    [Fact]
    [Trait("Category", "Drill")]
    public async Task SecondInstanceKilledUnderLoad_EveryWindowCompleteEveryDecisionAppliedOnceDecisionsGoOn()
    {
        using var broker = KafkaTestBroker.Start();
        var options = broker.Options();
        options.HeartbeatIntervalMs = 250;
        options.SessionTimeoutMs = SessionTimeoutMs;
        var config = Path.Combine(Path.GetTempPath(), $"pipeline-kill-{Guid.NewGuid():N}.properties");
        File.WriteAllLines(config, [$"session.timeout.ms={SessionTimeoutMs}", "heartbeat.interval.ms=250"]);
        string[] common = ["--bootstrap", broker.BootstrapServers, "--group-prefix", options.GroupIdPrefix, "--kafka-config", config, "--metrics-port", "0"];
        var applied = new ConcurrentDictionary<string, int>();
        var services = Enumerable.Range(0, 24).Select(i => $"svc-{i:00}").ToList();
        using var outputs = new FleetOutputs(broker.BootstrapServers);
        var a = await ScaleOutInstance.StartAsync(options, applied);
        var killedAt = DateTimeOffset.MinValue;
        try
        {
            using var load = new FleetSampleLoad(broker.BootstrapServers, services, replicas: 2, tickMs: 100);
            Assert.True(await Eventually.HoldsAsync(() => a.Counter("features").Published >= services.Count, Wait), "instance A alone emitted no windows");
            using (var features = PipelineProcess.Start(["features", "--max-ahead", "off", .. common]))
            using (var predictor = PipelineProcess.Start(["predictor", "--policy", "hpa", "--routing", "equal", "--shadow", "",
                       "--state-dir", Path.Combine(Path.GetTempPath(), $"pipeline-kill-{Guid.NewGuid():N}"), .. common]))
            using (var actuator = PipelineProcess.Start(["actuator", "--target", ProcessTarget, .. ActuatorArguments, .. common]))
            {
                Assert.True(features.WaitForOutput("Stage features assigned", Wait), features.Output);
                Assert.True(predictor.WaitForOutput("Stage predictor assigned", Wait), predictor.Output);
                Assert.True(actuator.WaitForOutput("Stage actuator assigned", Wait), actuator.Output);
                var joined = a.Counter("features").Published;
                // Both instances run a while (B's windows are not told apart from A's on the topic; its results name its target).
                Assert.True(await Eventually.HoldsAsync(() => a.Counter("features").Published >= joined + 2 * services.Count, Wait), "the pipeline stalled with two instances");
                var bApplied = outputs.ReadResultsUntil(r => r.Where(x => x.Target == ProcessTarget && ActuationAudit.IsApplied(x))
                    .GroupBy(x => x.Kind).Count(g => g.Count() >= 5) == 2, Wait);
                var bResults = outputs.Results().Where(r => r.Target == ProcessTarget).ToList();
                output.WriteLine($"B's actuator before the kill: {string.Join(", ", bResults.GroupBy(r => (r.Kind, r.Status)).Select(g => $"{g.Count()} {g.Key.Kind} {g.Key.Status}"))}");
                output.WriteLine(string.Join('\n', actuator.Output.Split('\n').Where(l => l.Contains("assigned") || l.Contains("revoked") || l.Contains("lost"))));
                Assert.True(bApplied, $"B's actuator did not apply decisions of both kinds: {string.Join("; ", bResults.Take(3).Select(r => $"{r.Status}: {r.Message}"))}");
                await Task.Delay(Random.Shared.Next(0, 2000)); // a random moment of B's work
                actuator.Kill();
                killedAt = DateTimeOffset.UtcNow;
                features.Kill();
                predictor.Kill();
            }
            var killed = a.Counter("features").Published;
            Assert.True(await Eventually.HoldsAsync(() => a.Counter("features").Published >= killed + 3 * services.Count, Wait), "instance A did not take over");
            load.Stop(ahead: TimeSpan.FromMinutes(5));
            Assert.Equal(0, load.Failed);
            Assert.True(outputs.ReadAll(load), "windows, decisions or actuations missing");
            Assert.True(outputs.ReadRoutes(load), "route decisions missing");

            var expected = FleetOutputs.Expected(load);
            var emitted = outputs.Windows(load);
            var scale = outputs.ScaleDecisions(load);
            IReadOnlyList<IssuedDecision> issued = [.. scale.Select(d => new IssuedDecision("scale", d.Service, d.WindowEnd, d.Id)),
                .. outputs.RouteDecisions(load).Select(d => new IssuedDecision("route", d.Service, d.WindowEnd, d.Id))];
            issued = [.. issued.DistinctBy(d => d.Id)];
            outputs.ReadResultsUntil(r => new ActuationAudit(r, applied, ProcessTarget).Settled(issued), Wait);
            var audit = new ActuationAudit(outputs.Results(), applied, ProcessTarget);
            var gaps = audit.GapsAfter(killedAt);
            var lost = audit.Lost(issued);
            var ids = applied.Keys.Union(audit.ProcessApplied.Select(r => r.DecisionId)).ToList();
            var maxGap = gaps.Values.Max();
            output.WriteLine($"{load.Ticks} ticks: {expected.Count} windows expected, {emitted.Count} emitted; " +
                $"{scale.Count} scale decisions for {scale.Select(d => d.Id).Distinct().Count()} windows; {issued.Count} decisions (scale and route); " +
                $"applied by A {applied.Count}, by B (killed) {audit.ProcessApplied.Count}; applied twice {ids.Count(id => audit.Applications(id) > 1)}; " +
                $"duplicates refused {outputs.Results().Count(r => r.Status == ActuationStatuses.Duplicate)}, stale {outputs.Results().Count(r => r.Status == ActuationStatuses.Stale)}; lost {lost.Count}; " +
                $"B owned {gaps.Count} (kind, service) at the kill, next applied after {maxGap?.TotalSeconds:0.00} s at most (bound {Bound.TotalSeconds:0} s)");
            foreach (var twice in ids.Where(id => audit.Applications(id) > 1))
                output.WriteLine($"applied {audit.Applications(twice)} times: {twice}; results: {string.Join(", ", outputs.Results().Where(r => r.DecisionId == twice).Select(r => $"{r.Target} {r.Status} at {r.Timestamp:O}"))}");

            Assert.Equal(expected.Keys.Order().ToList(), emitted.Select(w => (w.Service, w.WindowStart)).Distinct().Order().ToList());
            Assert.All(emitted, w => Assert.Equal(expected[(w.Service, w.WindowStart)], w.SampleCount));
            foreach (var window in scale.GroupBy(d => (d.Service, d.WindowEnd))) Assert.Single(window.Select(d => d.Id).Distinct());
            Assert.Equal(expected.Count, scale.Select(d => d.Id).Distinct().Count());
            Assert.All(ids, id => Assert.Equal(1, audit.Applications(id)));
            Assert.Empty(lost);
            Assert.NotEmpty(gaps);
            Assert.All(gaps, g => Assert.True(g.Value is { } gap && gap <= Bound, $"{g.Key}: next applied {g.Value?.TotalSeconds:0.00} s after the kill (bound {Bound.TotalSeconds:0} s)"));
        }
        finally
        {
            await a.StopAsync();
            File.Delete(config);
        }
    }
}
