namespace Pipeline.Simulator.Cluster;

/// <summary>
/// Running totals of one service since the cluster's start or the last <see cref="SimulatedCluster.ResetStatistics"/>.
/// Owned and updated by the cluster; read it between <see cref="SimulatedCluster.AdvanceTo"/> calls.
/// </summary>
public sealed class ServiceStatistics
{
    /// <summary>Requests offered to the service.</summary>
    public long Arrivals { get; internal set; }

    /// <summary>Requests that completed successfully.</summary>
    public long Succeeded { get; internal set; }

    /// <summary>Requests that found no ready replica.</summary>
    public long Rejected { get; internal set; }

    /// <summary>Requests that failed: fail-fast replicas, full queues, replicas that disappeared.</summary>
    public long Failed { get; internal set; }

    /// <summary>Successful requests slower than the service's SLO.</summary>
    public long SlowRequests { get; internal set; }

    /// <summary>Response times of the successful requests.</summary>
    public LatencyHistogram Latency { get; } = new();

    /// <summary>Worker-seconds spent serving, summed over replicas.</summary>
    public double BusyWorkerSeconds { get; internal set; }

    /// <summary>Worker-seconds of replicas that were ready or draining (able to serve).</summary>
    public double ServingWorkerSeconds { get; internal set; }

    /// <summary>Replica-seconds of every existing replica (starting, ready, draining): the cost.</summary>
    public double ReplicaSeconds { get; internal set; }

    /// <summary>Virtual seconds covered by these totals.</summary>
    public double ElapsedSeconds { get; internal set; }

    internal void Clear()
    {
        Arrivals = Succeeded = Rejected = Failed = SlowRequests = 0;
        Latency.Clear();
        BusyWorkerSeconds = ServingWorkerSeconds = ReplicaSeconds = ElapsedSeconds = 0;
    }
}
