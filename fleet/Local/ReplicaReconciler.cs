using Microsoft.Extensions.Logging;

namespace Pipeline.Fleet.Local;

/// <summary>
/// The loop that makes the fleet match the desired count: observes the processes (exit, <c>/ready</c>), asks
/// <see cref="ReconcilePlanner"/> what to do, and does it. Wakes every <see cref="LocalTargetOptions.ReconcileInterval"/>,
/// and at once on a command or a process exit. Every wait is bounded.
/// </summary>
internal sealed partial class ReplicaReconciler(LocalTargetOptions options, IReplicaLauncher launcher, FleetState state,
    ProxyAdminClient? proxy, ILogger logger) : IDisposable
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly HttpClient _probe = new() { Timeout = ProbeTimeout };
    private readonly ReplicaActions _actions = new(options, launcher, state, proxy);

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
        catch (ObjectDisposedException)
        {
            // Stopped.
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await PassAsync(cancellationToken);
                await _wake.WaitAsync(options.ReconcileInterval, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
            {
                Log.PassFailed(logger, e);
                await Task.Delay(options.ReconcileInterval, CancellationToken.None);
            }
        }
    }

    private async Task PassAsync(CancellationToken cancellationToken)
    {
        var entries = state.Snapshot();
        var probes = await Task.WhenAll(entries.Select(e => ProbeAsync(e, cancellationToken)));
        var views = entries.Zip(probes, (e, ready) => new ReplicaView(e.Id, e.Phase, state.Time.GetElapsedTime(e.PhaseSince),
            e.Process.HasExited, e.Process.ExitCode, ready, e.Sequence)).ToList();
        foreach (var action in ReconcilePlanner.Plan(state.Desired, views, options.StartupTimeout, options.StopTimeout))
        {
            await _actions.ExecuteAsync(action, Wake, cancellationToken);
        }
        if (state.TakeWeights() is { } weights) await _actions.PushWeightsAsync(weights, cancellationToken);
    }

    private async Task<bool> ProbeAsync(ReplicaEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Phase != ReplicaPhase.Starting || entry.Process.Address is not { } address || entry.Process.HasExited) return false;
        try
        {
            using var response = await _probe.GetAsync(new Uri(address, "/ready"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _probe.Dispose();
        _wake.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(10, LogLevel.Warning, "local target: reconcile pass failed; retrying")]
        public static partial void PassFailed(ILogger logger, Exception e);
    }
}
