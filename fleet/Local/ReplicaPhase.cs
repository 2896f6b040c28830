namespace Pipeline.Fleet.Local;

/// <summary>Where a replica process is in its life, as the reconciler sees it.</summary>
internal enum ReplicaPhase
{
    /// <summary>Launched, not yet registered with the proxy (not ready, or ready and about to be registered).</summary>
    Starting,

    /// <summary>Registered with the proxy and taking requests.</summary>
    Ready,

    /// <summary>Removed from the proxy; waiting for its proxied requests to finish before it is stopped.</summary>
    Draining,

    /// <summary>Sent SIGTERM (or killed); waiting for the process to exit.</summary>
    Stopping,
}
