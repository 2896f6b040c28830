namespace Pipeline.Fleet.Local;

/// <summary>One step a reconcile pass asks for; the controller carries them out in order.</summary>
internal abstract record ReconcileAction
{
    /// <summary>Launch <paramref name="Count"/> new replicas.</summary>
    public sealed record Start(int Count) : ReconcileAction;

    /// <summary>The replica answered ready: add it to the proxy.</summary>
    public sealed record Register(string Id) : ReconcileAction;

    /// <summary>Surplus ready replica: remove it from the proxy, wait for its requests, then SIGTERM it.</summary>
    public sealed record Drain(string Id) : ReconcileAction;

    /// <summary>Surplus replica never registered: SIGTERM it directly.</summary>
    public sealed record Terminate(string Id, string Reason) : ReconcileAction;

    /// <summary>Kill the process at once (never ready in time, or did not exit after SIGTERM).</summary>
    public sealed record Kill(string Id, string Reason) : ReconcileAction;

    /// <summary>The process exited: drop it (deregistering it first when <paramref name="Deregister"/>), with an event.</summary>
    public sealed record Forget(string Id, bool Died, bool Deregister, string Reason) : ReconcileAction;
}
