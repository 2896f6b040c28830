namespace Pipeline.Fleet.Local;

/// <summary>Something that happened to one replica process, when, and why.</summary>
public sealed record ReplicaEvent(DateTimeOffset Time, string ReplicaId, ReplicaEventKind Kind, string Reason);

/// <summary>Kinds of <see cref="ReplicaEvent"/>.</summary>
public enum ReplicaEventKind
{
    /// <summary>Process launched.</summary>
    Started,

    /// <summary>Answered ready and was registered with the proxy.</summary>
    Ready,

    /// <summary>Removed from the proxy; waiting for its proxied requests.</summary>
    Draining,

    /// <summary>Its proxied requests finished (or the drain timed out); about to be stopped.</summary>
    Drained,

    /// <summary>Sent SIGTERM.</summary>
    Stopping,

    /// <summary>Exited after being stopped.</summary>
    Stopped,

    /// <summary>Exited without being asked to; a replacement follows.</summary>
    Died,

    /// <summary>Killed: never ready within the start-up timeout, or still running after SIGTERM.</summary>
    Killed,

    /// <summary>An action on it failed (launch, proxy registration); it is retried.</summary>
    Failed,
}
