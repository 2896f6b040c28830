namespace Pipeline.Fleet.Local;

/// <summary>Takes replicas out of service: drain through the proxy, SIGTERM, and removal of the dead from the proxy.</summary>
internal sealed class ReplicaStopper(LocalTargetOptions options, FleetState state, ProxyAdminClient? proxy)
{
    /// <summary>Removes it from the proxy (waiting for its proxied requests, bounded), then SIGTERMs it.</summary>
    public async Task DrainAsync(ReplicaEntry entry, Action wake, CancellationToken cancellationToken)
    {
        string reason;
        try
        {
            reason = proxy is null ? "no proxy; the replica drains its own requests on SIGTERM"
                : await proxy.RemoveAsync(entry.Id, options.DrainTimeout, cancellationToken) ? "its proxied requests finished"
                : $"drain timed out after {options.DrainTimeout.TotalSeconds:0.###} s; stopping it anyway";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            reason = $"proxy admin failed ({e.Message}); stopping it anyway";
        }
        if (state.Find(entry.Id) is null || cancellationToken.IsCancellationRequested) return;
        state.Record(entry.Id, ReplicaEventKind.Drained, reason);
        Stop(entry, "drained");
        wake();
    }

    /// <summary>SIGTERM; the replica turns unready, finishes its requests and exits.</summary>
    public void Stop(ReplicaEntry entry, string reason)
    {
        try
        {
            entry.Process.Terminate();
        }
        catch (InvalidOperationException)
        {
            // Exited already; the next pass forgets it.
        }
        state.Move(entry, ReplicaPhase.Stopping);
        state.Record(entry.Id, ReplicaEventKind.Stopping, $"SIGTERM: {reason}");
    }

    /// <summary>Removes a dead replica from the proxy without waiting for requests (bounded, failures reported).</summary>
    public async Task DeregisterQuietlyAsync(string id)
    {
        try
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await proxy!.RemoveAsync(id, TimeSpan.Zero, cts.Token);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            state.Record(id, ReplicaEventKind.Failed, $"removing the dead replica from the proxy failed: {e.Message}");
        }
    }
}
