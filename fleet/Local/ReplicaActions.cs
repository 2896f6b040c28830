namespace Pipeline.Fleet.Local;

/// <summary>Carries out reconcile actions on processes and the proxy, recording an event for each.</summary>
internal sealed class ReplicaActions(LocalTargetOptions options, IReplicaLauncher launcher, FleetState state, ProxyAdminClient? proxy)
{
    private static readonly TimeSpan LaunchBackoff = TimeSpan.FromSeconds(5);
    private readonly ReplicaStopper _stopper = new(options, state, proxy);
    private long _sequence;
    private long _launchFailedAt;

    public async Task ExecuteAsync(ReconcileAction action, Action wake, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case ReconcileAction.Start start:
                Start(start.Count, wake);
                break;
            case ReconcileAction.Register register when state.Find(register.Id) is { } entry:
                await RegisterAsync(entry, cancellationToken);
                break;
            case ReconcileAction.Drain drain when state.Find(drain.Id) is { } entry:
                state.Move(entry, ReplicaPhase.Draining);
                state.Record(entry.Id, ReplicaEventKind.Draining, proxy is null ? "surplus; no proxy to drain through" : "surplus; removed from the proxy");
                _ = _stopper.DrainAsync(entry, wake, cancellationToken);
                break;
            case ReconcileAction.Terminate terminate when state.Find(terminate.Id) is { } entry:
                _stopper.Stop(entry, terminate.Reason);
                break;
            case ReconcileAction.Kill kill when state.Find(kill.Id) is { } entry:
                entry.Process.Kill();
                state.Move(entry, ReplicaPhase.Stopping);
                state.Record(entry.Id, ReplicaEventKind.Killed, $"{kill.Reason}; last output: {Tail(entry)}");
                break;
            case ReconcileAction.Forget forget when state.Find(forget.Id) is { } entry:
                state.Remove(entry.Id);
                state.Record(entry.Id, forget.Died ? ReplicaEventKind.Died : ReplicaEventKind.Stopped,
                    forget.Died ? $"{forget.Reason}; last output: {Tail(entry)}" : forget.Reason);
                if (forget.Deregister && proxy is not null) _ = _stopper.DeregisterQuietlyAsync(entry.Id);
                entry.Process.Dispose();
                break;
        }
    }

    public async Task PushWeightsAsync(IReadOnlyDictionary<string, double> weights, CancellationToken cancellationToken)
    {
        if (proxy is null) return;
        var ready = state.Snapshot().Where(e => e.Phase == ReplicaPhase.Ready).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var known = weights.Where(w => ready.Contains(w.Key)).ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal);
        if (known.Count == 0) return;
        try
        {
            await proxy.SetWeightsAsync(known, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            state.ReturnWeights(weights);
            state.Record("proxy", ReplicaEventKind.Failed, $"setting weights failed: {e.Message}; retrying");
        }
    }

    private void Start(int count, Action wake)
    {
        var now = state.Time.GetTimestamp();
        if (_launchFailedAt != 0 && state.Time.GetElapsedTime(_launchFailedAt, now) < LaunchBackoff) return;
        for (var i = 0; i < count; i++)
        {
            var sequence = Interlocked.Increment(ref _sequence);
            var id = $"{options.Service}-{sequence}";
            try
            {
                var process = launcher.Start(id, sequence);
                process.Exited += wake;
                state.Add(new ReplicaEntry(process, sequence, now));
                state.Record(id, ReplicaEventKind.Started, $"launched (desired {state.Desired})");
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or IOException)
            {
                _launchFailedAt = now;
                state.Record(id, ReplicaEventKind.Failed, $"launch failed: {e.Message}; retrying in {LaunchBackoff.TotalSeconds:0} s");
                return;
            }
        }
    }

    private async Task RegisterAsync(ReplicaEntry entry, CancellationToken cancellationToken)
    {
        var address = entry.Process.Address!;
        if (proxy is not null)
        {
            try
            {
                await proxy.AddAsync(entry.Id, address, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // One event for the first failure and then one every ~10 s of retries, not one per pass.
                if (entry.RegisterFailures++ % 40 == 0)
                    state.Record(entry.Id, ReplicaEventKind.Failed, $"registering {address} with the proxy failed ({entry.RegisterFailures}x): {e.Message}; retrying");
                return;
            }
        }
        state.Move(entry, ReplicaPhase.Ready);
        state.Record(entry.Id, ReplicaEventKind.Ready, proxy is null ? $"ready at {address}" : $"ready at {address}; registered with the proxy");
    }

    private static string Tail(ReplicaEntry entry) => entry.Process.OutputTail is { Length: > 0 } tail ? tail : "(none)";
}
