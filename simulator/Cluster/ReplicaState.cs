namespace Pipeline.Simulator.Cluster;

/// <summary>Life cycle of a simulated replica.</summary>
public enum ReplicaState
{
    /// <summary>Created, waiting out the start-up delay; receives no traffic.</summary>
    Starting,

    /// <summary>Receiving traffic.</summary>
    Ready,

    /// <summary>Scaled down: receives no new traffic, finishes its in-flight work, then disappears.</summary>
    Draining,

    /// <summary>Removed.</summary>
    Gone,
}
