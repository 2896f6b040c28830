using System.Globalization;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Integration.Tests.Support;
using Pipeline.TestSupport.Influx;
using Pipeline.TestSupport.Kafka;
using Xunit.Abstractions;

namespace Pipeline.Integration.Tests.Drills;

/// <summary>
/// Drill: every broker of the embedded cluster goes down while samples flow into a features process (its own OS
/// process): 12 s in the normal run (past the 6 s session timeout, so the stage loses its partitions and rejoins), 60 s
/// with <c>PIPELINE_BROKER_DRILL=1</c> (<c>scripts/drill-broker-outage.sh</c>). Before, a stage with outputs pending
/// waited 30 s for them and then exited 1; now it keeps polling, commits nothing until its outputs are delivered, and
/// resumes: no window loses a sample.
/// </summary>
public sealed class BrokerOutageDrillTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(250); // each of 4 replicas every second: 60 samples per 15 s window

    [Fact]
    [Trait("Category", "Drill")]
    public Task FeaturesProcess_AllBrokersDownFor12s_SurvivesAndEveryWindowComplete() => RunAsync(TimeSpan.FromSeconds(12));

    [OptInFact("PIPELINE_BROKER_DRILL", "Opt-in: the brokers stay down for a minute (PIPELINE_BROKER_DRILL_OUTAGE_S, default 60); scripts/drill-broker-outage.sh.")]
    [Trait("Category", "Drill")]
    public Task FeaturesProcess_AllBrokersDownForAMinute_SurvivesAndEveryWindowComplete() => RunAsync(TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("PIPELINE_BROKER_DRILL_OUTAGE_S"), out var s) && s > 0 ? s : 60));

    private async Task RunAsync(TimeSpan outage)
    {
        using var broker = KafkaTestBroker.Start();
        var port = FreePort.Next();
        using var features = PipelineProcess.Start(["features", "--bootstrap", broker.BootstrapServers, "--group-prefix", $"bo-{Guid.NewGuid():N}"[..11],
            "--metrics-port", port.ToString(CultureInfo.InvariantCulture)]);
        using var probe = new SinkHttpProbe(port);
        Assert.True(await Eventually.HoldsAsync(async () => (await probe.HealthAsync()).Status == 200, TimeSpan.FromSeconds(30)), features.Output);
        using var windows = new TopicReader(broker.BootstrapServers, TopicNames.Features);
        using var load = new SteadySampleLoad(broker.BootstrapServers, $"outage-{Guid.NewGuid():N}"[..16], perTick: 2, step: Step);
        List<FeatureWindow> Mine() => windows.Records.Where(r => r.Key == load.Service).Select(r => r.As<FeatureWindow>()).ToList();

        Assert.True(windows.ReadUntil(_ => Mine().Count >= 3, TimeSpan.FromSeconds(15)), features.Output);
        var beforeOutage = Mine().Max(w => w.WindowStart); // the newest window out before the outage
        broker.SetBrokersUp(false);
        Thread.Sleep(outage);
        var aliveAtEnd = !features.HasExited;
        var deliveredAtEnd = load.Delivered;
        broker.SetBrokersUp(true);
        var up = System.Diagnostics.Stopwatch.StartNew();
        while (load.Delivered == deliveredAtEnd && up.Elapsed < TimeSpan.FromSeconds(40)) Thread.Sleep(100);
        var sourceBack = up.Elapsed; // the load's producer reconnects after its backoff
        Thread.Sleep(TimeSpan.FromSeconds(3));
        load.Stop();
        var lastSample = SteadySampleLoad.Start + (load.Delivered - 1) * Step;
        var lastFull = new DateTimeOffset(lastSample.UtcTicks - lastSample.UtcTicks % TimeSpan.FromSeconds(15).Ticks, TimeSpan.Zero).AddSeconds(-30);
        var caughtUp = windows.ReadUntil(_ => Mine().Any(w => w.WindowStart >= lastFull), TimeSpan.FromSeconds(30));
        var mine = Mine();
        using var deadLetters = new TopicReader(broker.BootstrapServers, TopicNames.DeadLetters);
        deadLetters.ReadFor(TimeSpan.FromSeconds(2));
        var rejected = deadLetters.Records.Where(r => r.Key == load.Service).Select(r => r.As<DeadLetter>().Reason).ToList();
        var starts = mine.Select(w => w.WindowStart).Where(s => s > SteadySampleLoad.Start && s <= lastFull).Distinct().Order().ToList();
        var incomplete = starts.Where(s => !mine.Any(w => w.WindowStart == s && w.SampleCount == 60)).ToList();
        output.WriteLine($"brokers down for {outage.TotalSeconds:0} s; delivered {load.Delivered} samples; {starts.Count} full windows expected up to {lastFull:O}, {mine.Count} windows read, " +
            $"{incomplete.Count} incomplete (the outage began after the window at {beforeOutage:HH:mm:ss}); process alive at the end of the outage: {aliveAtEnd}; the source delivered again {sourceBack.TotalSeconds:F1} s after the brokers; windows without a complete copy (whole run): " +
            string.Join(", ", Enumerable.Range(1, (int)((lastFull - SteadySampleLoad.Start) / TimeSpan.FromSeconds(15)))
                .Select(k => SteadySampleLoad.Start.AddSeconds(15 * k)).Where(s => !mine.Any(w => w.WindowStart == s && w.SampleCount == 60)).Select(s => $"{s:HH:mm:ss}")) +
            $"; {rejected.Count} dead letters: " + string.Join(" | ", rejected.GroupBy(r => r.Split(':')[0]).Select(g => $"{g.Key} x{g.Count()}")) +
            "; incomplete: " + string.Join(", ", incomplete.Select(s => $"{s:HH:mm:ss}={string.Join('/', mine.Where(w => w.WindowStart == s).Select(w => w.SampleCount))}")));

        Assert.Equal(0, load.Failed);
        Assert.True(aliveAtEnd, features.Output);
        Assert.True(caughtUp, $"no window from {lastFull:O} on after the outage\n{features.Output}");
        Assert.Equal((int)((lastFull - SteadySampleLoad.Start) / TimeSpan.FromSeconds(15)), starts.Count); // no window missing
        Assert.Empty(incomplete);
        Assert.All(mine, w => Assert.True(w.SampleCount <= 60, $"window {w.WindowStart:O} counted {w.SampleCount} samples"));
        Assert.False(features.HasExited, features.Output);
    }
}
