using Pipeline.TestSupport.Influx;
using Pipeline.TestSupport.Kafka;
using Xunit;

namespace Pipeline.Dashboards.Tests;

/// <summary>
/// A real influxd filled by a real pipeline run: <c>pipeline demo --duration 40s --influx URL</c> as its own process
/// (embedded broker, simulated cluster, every stage, the sink writing through the InfluxDB writer).
/// </summary>
public sealed class DemoRunFixture : IAsyncLifetime
{
    public static readonly TimeSpan DemoDuration = TimeSpan.FromSeconds(40);

    public InfluxServer Influx { get; private set; } = null!;

    /// <summary>What the demo printed, for failure messages.</summary>
    public string DemoOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Influx = await InfluxServer.StartAsync();
        using var demo = PipelineProcess.Start(["demo", "--duration", $"{DemoDuration.TotalSeconds}s", "--plain", "--influx", Influx.Url.ToString()]);
        var exited = await Task.Run(() => demo.WaitForExit(DemoDuration + TimeSpan.FromMinutes(2)));
        DemoOutput = demo.Output;
        if (!exited || demo.ExitCode != 0)
            throw new InvalidOperationException($"pipeline demo {(exited ? $"exited with {demo.ExitCode}" : "did not finish")}:\n{DemoOutput}");
    }

    public async Task DisposeAsync() => await Influx.DisposeAsync();
}
