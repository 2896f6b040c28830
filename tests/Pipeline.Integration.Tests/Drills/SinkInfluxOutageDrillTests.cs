using System.Diagnostics;
using System.Globalization;
using Pipeline.Contracts.Topics;
using Pipeline.Integration.Tests.Support;
using Pipeline.TestSupport.Influx;
using Pipeline.TestSupport.Kafka;
using Xunit.Abstractions;

namespace Pipeline.Integration.Tests.Drills;

/// <summary>
/// Drill: the real influxd is killed under load and restarted. The sink (its own OS process) must pause consumption,
/// answer 503 with the reason, commit nothing it has not written, and catch up afterwards: every sample exactly once.
/// </summary>
public sealed class SinkInfluxOutageDrillTests(InfluxServer influx, ITestOutputHelper output) : IClassFixture<InfluxServer>
{
    // 20 s in the normal test run; scripts/drill-influx-outage.sh runs longer outages at a lower rate (the embedded
    // broker keeps ~5 MiB per partition, and one service's samples share one partition).
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(Setting("PIPELINE_DRILL_OUTAGE_S", 20));
    private static readonly int TickMs = Setting("PIPELINE_DRILL_TICK_MS", 10);

    [Fact]
    [Trait("Category", "Drill")]
    public async Task Sink_InfluxKilledUnderLoad_PausesWith503ThenWritesEverySampleOnce()
    {
        using var broker = KafkaTestBroker.Start();
        var port = FreePort.Next();
        using var sink = PipelineProcess.Start(["sink", "--bootstrap", broker.BootstrapServers, "--group-prefix", $"drill-{Guid.NewGuid():N}"[..14],
            "--influx", influx.Url.ToString(), "--database", influx.Database, "--metrics-port", port.ToString(CultureInfo.InvariantCulture)]);
        using var probe = new SinkHttpProbe(port);
        Assert.True(await Eventually.HoldsAsync(async () => (await probe.HealthAsync()).Status == 200, TimeSpan.FromSeconds(30)), sink.Output);

        using var load = new SteadySampleLoad(broker.BootstrapServers, $"drill-{Guid.NewGuid():N}"[..16], perTick: 2, tickMs: TickMs);
        Thread.Sleep(TimeSpan.FromSeconds(4));
        influx.Kill();
        var down = Stopwatch.StartNew();

        // While InfluxDB is down: 503 naming the outage, and consumption stopped (the count stays put).
        var health = (Status: 0, Body: "");
        Assert.True(await Eventually.HoldsAsync(async () => (health = await probe.HealthAsync()).Status == 503, TimeSpan.FromSeconds(15)), sink.Output);
        var consumedAtPause = await probe.ConsumedAsync(TopicNames.Metrics);
        Thread.Sleep(Outage > down.Elapsed ? Outage - down.Elapsed : TimeSpan.Zero);
        var consumedBeforeRestart = await probe.ConsumedAsync(TopicNames.Metrics);
        var deliveredDuringOutage = load.Delivered;
        await influx.RestartAsync();
        Thread.Sleep(TimeSpan.FromSeconds(3));
        load.Stop();

        var count = 0L;
        var complete = await Eventually.HoldsAsync(async () => (count = await CountAsync(influx, load.Service)) >= load.Delivered, TimeSpan.FromSeconds(40) + Outage / 4);
        var after = await probe.HealthAsync();
        output.WriteLine($"delivered {load.Delivered} samples ({deliveredDuringOutage} by the restart); InfluxDB holds {count}; " +
            $"sink consumed {consumedAtPause} at the pause and {consumedBeforeRestart} just before the restart; 503 body: {health.Body.Trim()}");

        Assert.Equal(0, load.Failed);
        Assert.True(complete, $"InfluxDB holds {count} of {load.Delivered} samples\n{sink.Output}");
        Assert.Equal(load.Delivered, count);
        Assert.Contains("sink: paused: InfluxDB at", health.Body);
        Assert.Contains("not writable since", health.Body);
        Assert.Equal(consumedAtPause, consumedBeforeRestart);
        Assert.True(deliveredDuringOutage > consumedBeforeRestart, "the load did not outrun the paused sink; the drill proved nothing");
        Assert.Equal(200, after.Status);
        Assert.False(sink.HasExited, sink.Output);
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    private static async Task<long> CountAsync(InfluxServer influx, string service)
    {
        try
        {
            var rows = await influx.QueryAsync($"SELECT count(\"requests\") FROM \"metric_sample\" WHERE \"service\" = '{service}'");
            return rows is [var row] ? row.GetLong("count") : 0;
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException) { return 0; }
    }
}
