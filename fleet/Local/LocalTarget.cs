using Microsoft.Extensions.Logging;
using Pipeline.Actuator.Targets;

namespace Pipeline.Fleet.Local;

/// <summary>
/// The <c>local</c> target: records desired counts and weights, wakes the <see cref="ReplicaReconciler"/>, reports status.
/// Disposal stops the loop, SIGTERMs every replica, kills those still running after the stop timeout; the replicas are also
/// killed if this process exits first.
/// </summary>
internal sealed class LocalTarget : ILocalTarget
{
    private readonly LocalTargetOptions _options;
    private readonly FleetState _state;
    private readonly ProxyAdminClient? _proxy;
    private readonly ReplicaReconciler _reconciler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _disposed;

    public LocalTarget(LocalTargetOptions options, IReplicaLauncher launcher, TimeProvider time, ILogger logger)
    {
        _options = options;
        _state = new FleetState(time, logger) { Desired = Math.Clamp(options.InitialReplicas, 0, options.MaxReplicas) };
        _proxy = options.ProxyAdmin is { } admin ? new ProxyAdminClient(admin, options.DrainTimeout) : null;
        _reconciler = new ReplicaReconciler(options, launcher, _state, _proxy, logger);
        AppDomain.CurrentDomain.ProcessExit += KillAllOnExit;
        _loop = Task.Run(() => _reconciler.RunAsync(_stop.Token));
    }

    public string Name => LocalTargetFactory.Name;
    public LocalFleetStatus Status => _state.Status();
    public IReadOnlyList<ReplicaEvent> Events => _state.Events();

    public IReadOnlyDictionary<string, Uri> ReadyReplicas => _state.Snapshot()
        .Where(e => e.Phase == ReplicaPhase.Ready && e.Process.Address is not null)
        .ToDictionary(e => e.Id, e => e.Process.Address!, StringComparer.Ordinal);

    public TargetOutcome Apply(ActuationCommand command)
    {
        var previous = _state.Desired;
        if (!string.Equals(command.Service, _options.Service, StringComparison.Ordinal))
            return new TargetOutcome(previous, previous, false, $"local: runs service {_options.Service}, not {command.Service}; ignored");
        if (command.DesiredReplicas is { } requested)
        {
            var applied = Math.Clamp(requested, 0, _options.MaxReplicas);
            _state.Desired = applied;
            _reconciler.Wake();
            var clamp = applied != requested ? $" (asked {requested}, bounded to 0..{_options.MaxReplicas})" : "";
            return new TargetOutcome(previous, applied, applied != previous, $"local: {command.Service} desired {previous} -> {applied}{clamp}; now {Status}");
        }
        if (command.Weights is { Count: > 0 } weights)
        {
            _state.OfferWeights(weights);
            _reconciler.Wake();
            var unknown = weights.Keys.Except(ReadyReplicas.Keys, StringComparer.Ordinal).ToList();
            var note = unknown.Count == 0 ? "" : $"; not ready, skipped: {string.Join(", ", unknown)}";
            return new TargetOutcome(previous, previous, _proxy is not null, _proxy is null
                ? "local: no proxy configured; weights ignored"
                : $"local: weights for {weights.Count} replicas queued for the proxy{note}");
        }
        return new TargetOutcome(previous, previous, false, "local: empty command");
    }

    public async Task<bool> WaitForAsync(Func<LocalFleetStatus, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var started = _state.Time.GetTimestamp();
        while (!condition(Status))
        {
            if (_state.Time.GetElapsedTime(started) > timeout) return false;
            await Task.Delay(50, cancellationToken);
        }
        return true;
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        AppDomain.CurrentDomain.ProcessExit -= KillAllOnExit;
        await _stop.CancelAsync();
        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // A pass stuck past its bounds; the replicas are stopped below all the same.
        }
        var replicas = _state.Snapshot();
        foreach (var r in replicas)
        {
            try { r.Process.Terminate(); } catch (InvalidOperationException) { /* exited */ }
        }
        var stopping = _state.Time.GetTimestamp();
        while (replicas.Any(r => !r.Process.HasExited) && _state.Time.GetElapsedTime(stopping) < _options.StopTimeout) await Task.Delay(50);
        foreach (var r in replicas)
        {
            var killed = !r.Process.HasExited;
            r.Process.Dispose();
            _state.Remove(r.Id);
            _state.Record(r.Id, killed ? ReplicaEventKind.Killed : ReplicaEventKind.Stopped,
                killed ? "target disposed; still running after SIGTERM" : "target disposed");
        }
        _reconciler.Dispose();
        _proxy?.Dispose();
        _stop.Dispose();
    }

    private void KillAllOnExit(object? sender, EventArgs e)
    {
        foreach (var r in _state.Snapshot()) r.Process.Kill();
    }
}
