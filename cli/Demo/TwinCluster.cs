using Microsoft.Extensions.Hosting;
using Pipeline.Simulator.Control;

namespace Pipeline.Cli.Demo;

/// <summary>
/// The comparison run beside the demo: a second simulated cluster with the same load, seed and start, driven by the
/// comparison policy (the HPA) through the same <see cref="ClusterControlLoop"/>, kept in step with the demo's virtual
/// clock, so the summary compares both policies over the same run.
/// </summary>
internal sealed class TwinCluster(ClusterControlLoop loop, TimeProvider time) : BackgroundService
{
    /// <summary>Advances the twin to the demo's virtual now.</summary>
    public void CatchUp()
    {
        lock (loop) loop.AdvanceTo(time.GetUtcNow());
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) CatchUp();
        }
        catch (OperationCanceledException)
        {
        }
    }
}
