using System.Collections.Concurrent;
using Pipeline.Integration.Tests.Support;
using Pipeline.TestSupport.Kafka;
using Xunit.Abstractions;

namespace Pipeline.Integration.Tests.ScaleOut;

/// <summary>
/// Drill: a second instance of features and predictor, as `pipeline` processes, joins the group under load and is killed
/// (SIGKILL): its partitions are lost, not revoked, so nothing of its last moments is committed and instance A takes
/// them over after the session timeout, re-reading from the last commit. Every window still reaches pipeline.features
/// complete (a window the killed instance had in flight may come twice, each copy complete), every window is decided,
/// and no decision is applied twice.
/// </summary>
public sealed class KilledInstanceDrillTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    [Trait("Category", "Drill")]
    public async Task SecondInstanceKilledUnderLoad_EveryWindowCompleteNoDecisionAppliedTwice()
    {
        using var broker = KafkaTestBroker.Start();
        var options = broker.Options();
        options.HeartbeatIntervalMs = 250;
        options.SessionTimeoutMs = 3000;
        var config = Path.Combine(Path.GetTempPath(), $"pipeline-kill-{Guid.NewGuid():N}.properties");
        File.WriteAllLines(config, ["session.timeout.ms=3000", "heartbeat.interval.ms=250"]);
        string[] common = ["--bootstrap", broker.BootstrapServers, "--group-prefix", options.GroupIdPrefix, "--kafka-config", config, "--metrics-port", "0"];
        var applied = new ConcurrentDictionary<string, int>();
        var services = Enumerable.Range(0, 24).Select(i => $"svc-{i:00}").ToList();
        using var outputs = new FleetOutputs(broker.BootstrapServers);
        var a = await ScaleOutInstance.StartAsync(options, applied);
        try
        {
            using var load = new FleetSampleLoad(broker.BootstrapServers, services, replicas: 2, tickMs: 100);
            Assert.True(await Eventually.HoldsAsync(() => a.Counter("features").Published >= services.Count, Wait), "instance A alone emitted no windows");
            using (var features = PipelineProcess.Start(["features", "--max-ahead", "off", .. common]))
            using (var predictor = PipelineProcess.Start(["predictor", "--policy", "hpa", "--routing", "equal", "--shadow", "",
                       "--state-dir", Path.Combine(Path.GetTempPath(), $"pipeline-kill-{Guid.NewGuid():N}"), .. common]))
            {
                Assert.True(features.WaitForOutput("Stage features assigned", Wait), features.Output);
                Assert.True(predictor.WaitForOutput("Stage predictor assigned", Wait), predictor.Output);
                var joined = a.Counter("features").Published;
                // Both instances run a while (B's windows are not told apart from A's on the topic).
                Assert.True(await Eventually.HoldsAsync(() => a.Counter("features").Published >= joined + 2 * services.Count, Wait), "the pipeline stalled with two instances");
                features.Kill();
                predictor.Kill();
            }
            var killed = a.Counter("features").Published;
            Assert.True(await Eventually.HoldsAsync(() => a.Counter("features").Published >= killed + 3 * services.Count, Wait), "instance A did not take over");
            load.Stop(ahead: TimeSpan.FromMinutes(5));
            Assert.Equal(0, load.Failed);
            Assert.True(outputs.ReadAll(load), "windows, decisions or actuations missing");

            var expected = FleetOutputs.Expected(load);
            var emitted = outputs.Windows(load);
            var scale = outputs.ScaleDecisions(load);
            output.WriteLine($"{load.Ticks} ticks: {expected.Count} windows expected, {emitted.Count} emitted; " +
                $"{scale.Count} scale decisions for {scale.Select(d => d.Id).Distinct().Count()} windows; {applied.Count} decisions applied");

            Assert.Equal(expected.Keys.Order().ToList(), emitted.Select(w => (w.Service, w.WindowStart)).Distinct().Order().ToList());
            Assert.All(emitted, w => Assert.Equal(expected[(w.Service, w.WindowStart)], w.SampleCount));
            foreach (var window in scale.GroupBy(d => (d.Service, d.WindowEnd))) Assert.Single(window.Select(d => d.Id).Distinct());
            Assert.Equal(expected.Count, scale.Select(d => d.Id).Distinct().Count());
            Assert.All(applied, p => Assert.Equal(1, p.Value));
        }
        finally
        {
            await a.StopAsync();
            File.Delete(config);
        }
    }
}
