using Pipeline.Simulator.Balancing;
using Pipeline.Simulator.Load;

namespace Pipeline.Simulator.Cluster;

/// <summary>One simulated service: its offered load, balancer and replica shape. Defaults resemble a typical web service.</summary>
public sealed class ServiceOptions
{
    /// <summary>Service id (also the prefix of replica ids, e.g. <c>web-3</c>).</summary>
    public string Name { get; init; } = "web";

    /// <summary>Offered load (arrivals per second over virtual time).</summary>
    public required ILoadProfile Load { get; init; }

    /// <summary>Balancer name (<see cref="BalancerNames"/>).</summary>
    public string Balancer { get; init; } = BalancerNames.LeastRequest;

    /// <summary>
    /// Whether the autoscaler sizes this service from its replicas' measured utilization; the <c>learned</c> balancer then
    /// holds every replica at the fleet's mean utilization so that signal stays honest (docs/learned-balancing.md).
    /// </summary>
    public bool EqualizeUtilization { get; init; }

    /// <summary>Service time of one request on a speed-1 replica. Default lognormal, mean 100 ms, cv 0.5.</summary>
    public ServiceTimeDistribution ServiceTime { get; init; } = ServiceTimeDistribution.LogNormal(0.100, 0.5);

    /// <summary>Requests a replica serves in parallel (worker threads/processes). Default 4.</summary>
    public int Workers { get; init; } = 4;

    /// <summary>Requests a replica may hold waiting beyond its workers; more are rejected with an error. Default 1000.</summary>
    public int QueueCapacity { get; init; } = 1000;

    /// <summary>
    /// Requests the balancer itself may hold while every replica it picks is full (workers busy and replica queue
    /// full), handed to the first replica that frees a worker, like HAProxy's <c>maxconn</c> queue. Default 0: no
    /// balancer queue, a request to a full replica fails. With one-worker replicas, <c>QueueCapacity = 0</c> and the
    /// <c>jsq</c> balancer this is exactly an M/M/c central queue.
    /// </summary>
    public int BalancerQueueCapacity { get; init; }

    /// <summary>Time from a replica's creation until it receives traffic. Default 60 s.</summary>
    public TimeSpan StartupDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Replicas at time 0; they start ready (no start-up delay). Default 1.</summary>
    public int InitialReplicas { get; init; } = 1;

    /// <summary>Speed factors assigned to replicas in creation order, cycling (heterogeneous replicas). Default all 1.</summary>
    public IReadOnlyList<double> SpeedFactors { get; init; } = [1.0];

    /// <summary>Response-time objective: requests slower than this are counted in <see cref="ServiceStatistics.SlowRequests"/>. Default 500 ms.</summary>
    public TimeSpan Slo { get; init; } = TimeSpan.FromMilliseconds(500);
}
