namespace Pipeline.Fleet.Replica;

/// <summary>Everything the endpoints of one replica share: options, workers, faults, readiness, counters.</summary>
internal sealed class ReplicaRuntime(ReplicaOptions options, TimeProvider time, Action die)
{
    public ReplicaOptions Options { get; } = options;
    public WorkerPool Pool { get; } = new(Math.Max(1, options.Workers), Math.Max(0, options.QueueLimit), time);
    public ServiceTimeSampler ServiceTimes { get; } = new(options.ServiceMean, options.ServiceCv, options.Seed);
    public FaultSwitch Fault { get; } = new();
    public Readiness Readiness { get; } = new(time, options.StartupDelay);
    public ReplicaCounters Counters { get; } = new();

    /// <summary>Ends the process at once, without draining (the <c>die</c> fault).</summary>
    public Action Die { get; } = die;

    public ReplicaStats Stats()
    {
        var (busy, queued, busySeconds) = Pool.Snapshot();
        return new ReplicaStats
        {
            Id = Options.Id,
            Ready = Readiness.IsReady,
            Workers = Pool.Workers,
            InFlight = busy,
            Queued = queued,
            Completed = Counters.Completed,
            Errors = Counters.Errors,
            Rejected = Counters.Rejected,
            BusySeconds = busySeconds,
        };
    }
}
