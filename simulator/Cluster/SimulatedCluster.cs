using Pipeline.Contracts.Messages;
using Pipeline.Simulator.Balancing;
using Pipeline.Simulator.Randomness;

namespace Pipeline.Simulator.Cluster;

/// <summary>
/// A discrete-event, request-level simulation of services behind load balancers, in virtual time.
/// <para>
/// Each service gets Poisson arrivals from its <see cref="Load.ILoadProfile"/>; its <see cref="IBalancer"/> picks a
/// ready replica per request; each replica serves up to <see cref="ServiceOptions.Workers"/> requests in parallel and
/// queues the rest (FIFO). New replicas wait <see cref="ServiceOptions.StartupDelay"/> before receiving traffic;
/// replicas removed by a scale-down drain (no new traffic, finish in-flight work). Faults are injected with
/// <see cref="InjectFault"/>.
/// </para>
/// <para>
/// Live use (the Kafka pipeline): call <see cref="AdvanceTo"/> with the current virtual time (e.g. start + wall
/// time elapsed × speed-up), publish <see cref="DrainSamples"/> (one <see cref="MetricSample"/> per replica per
/// <see cref="SimulatedClusterOptions.SampleInterval"/>), and apply decisions with <see cref="SetDesiredReplicas"/>
/// and <see cref="SetRouteWeights"/>. Not thread-safe: call from one thread (or under a lock).
/// Deterministic: the same options, seed and call sequence give the same results.
/// </para>
/// </summary>
public sealed partial class SimulatedCluster
{
    private readonly SimService[] _services;
    private readonly Dictionary<string, SimService> _byName = new(StringComparer.Ordinal);
    private readonly CompletionQueue _completions = new();
    private Replica[] _table = new Replica[64];
    private int _tableCount;
    private readonly SimRandom _arrivalRandom;
    private readonly SimRandom _serviceRandom;
    private readonly double _sampleInterval;
    private readonly bool _emitSamples;
    private double _now;
    private double _nextSample;
    private double _nextReady = double.PositiveInfinity;

    /// <summary>Creates the cluster at <see cref="SimulatedClusterOptions.Start"/> with each service's initial replicas ready.</summary>
    public SimulatedCluster(SimulatedClusterOptions options, IEnumerable<ServiceOptions> services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        Options = options;
        Start = options.Start;
        _sampleInterval = options.SampleInterval.TotalSeconds;
        if (!(_sampleInterval > 0)) throw new ArgumentOutOfRangeException(nameof(options), "SampleInterval must be positive");
        _emitSamples = options.EmitSamples;
        _nextSample = _sampleInterval;
        _arrivalRandom = SimRandom.Stream(options.Seed, 1);
        _serviceRandom = SimRandom.Stream(options.Seed, 2);
        var list = new List<SimService>();
        foreach (var s in services)
        {
            Validate(s);
            if (_byName.ContainsKey(s.Name)) throw new ArgumentException($"service '{s.Name}' is defined twice", nameof(services));
            var service = new SimService(s, BalancerRegistry.CreateDefault(SimRandom.Stream(options.Seed, 100 + list.Count), s).Create(s.Balancer));
            _byName[s.Name] = service;
            list.Add(service);
            for (var i = 0; i < s.InitialReplicas; i++)
            {
                var r = NewReplica(service, 0);
                r.State = ReplicaState.Ready;
                service.Ready++;
                service.AddCandidate(r);
            }
            service.Desired = s.InitialReplicas;
            ScheduleNextArrival(service, 0);
        }
        if (list.Count == 0) throw new ArgumentException("at least one service is needed", nameof(services));
        _services = [.. list];
    }

    /// <summary>The options the cluster was created with.</summary>
    public SimulatedClusterOptions Options { get; }

    /// <summary>Virtual time of offset 0.</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Current virtual time.</summary>
    public DateTimeOffset Now => ToTime(_now);

    /// <summary>Current virtual time in seconds since <see cref="Start"/>.</summary>
    public double NowSeconds => _now;

    /// <summary>Service ids in definition order.</summary>
    public IReadOnlyList<string> Services => [.. _services.Select(s => s.Name)];

    /// <summary>Runs the simulation up to <paramref name="time"/> (no-op if it is not after <see cref="Now"/>).</summary>
    public void AdvanceTo(DateTimeOffset time) => AdvanceToSeconds((time - Start).Ticks / (double)TimeSpan.TicksPerSecond);

    /// <summary>Runs the simulation up to <paramref name="seconds"/> after <see cref="Start"/>.</summary>
    public void AdvanceToSeconds(double seconds)
    {
        if (!(seconds > _now)) return;
        var services = _services;
        var completions = _completions;
        while (true)
        {
            var tc = completions.MinTime;
            var ta = double.PositiveInfinity;
            SimService? next = null;
            for (var i = 0; i < services.Length; i++)
            {
                if (services[i].NextArrival < ta)
                {
                    ta = services[i].NextArrival;
                    next = services[i];
                }
            }
            var tt = _nextSample < _nextReady ? _nextSample : _nextReady;
            if (tc <= ta && tc <= tt)
            {
                if (tc > seconds) break;
                var c = completions.Pop();
                _now = c.Time;
                Complete(_table[c.Replica], c.Arrival);
            }
            else if (ta <= tt)
            {
                if (ta > seconds) break;
                _now = ta;
                Arrive(next!);
            }
            else
            {
                if (tt > seconds) break;
                _now = tt;
                OnTimer();
            }
        }
        _now = seconds;
        Integrate();
        foreach (var s in services)
        {
            foreach (var r in s.Replicas) CreditBusy(r);
        }
    }

    /// <summary>
    /// Sets the replica count the service should have. More: new replicas start and become ready after the
    /// start-up delay. Fewer: replicas still starting are removed first (newest first), then ready ones drain.
    /// </summary>
    public void SetDesiredReplicas(string service, int replicas)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replicas);
        var s = Get(service);
        Integrate();
        s.Desired = replicas;
        Reconcile(s);
    }

    /// <summary>
    /// Sets route weights by replica id, used by the <c>weighted</c> balancer (and visible to every balancer as
    /// <see cref="ReplicaView.Weight"/>). Replicas not in the map (including ones created later) get the mean of the
    /// given weights; an empty map resets every weight to 1. Negative weights are treated as 0.
    /// </summary>
    public void SetRouteWeights(string service, IReadOnlyDictionary<string, double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        var s = Get(service);
        var sum = 0.0;
        foreach (var w in weights.Values) sum += Math.Max(0, w);
        s.DefaultWeight = weights.Count == 0 ? 1 : sum / weights.Count;
        foreach (var r in s.Replicas)
        {
            r.Weight = weights.TryGetValue(r.Name, out var w) ? Math.Max(0, w) : s.DefaultWeight;
        }
    }

    /// <summary>
    /// Injects a fault into a replica (by id) or, when <paramref name="replica"/> is null, into the oldest ready
    /// replica. Returns the id of the affected replica, or null when the service has no such replica.
    /// </summary>
    public string? InjectFault(string service, string? replica, ReplicaFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        var s = Get(service);
        Replica? target = null;
        foreach (var r in s.Replicas)
        {
            if (replica is null ? r.State == ReplicaState.Ready : r.Name == replica)
            {
                target = r;
                break;
            }
        }
        if (target is null) return null;
        switch (fault.Kind)
        {
            case ReplicaFaultKind.None:
                target.Fault = ReplicaFaultKind.None;
                target.Slowdown = 1;
                break;
            case ReplicaFaultKind.Slow:
                target.Fault = ReplicaFaultKind.Slow;
                target.Slowdown = Math.Max(1, fault.SlowdownFactor);
                break;
            case ReplicaFaultKind.FailFast:
                target.Fault = ReplicaFaultKind.FailFast;
                break;
            case ReplicaFaultKind.Disappear:
                Integrate();
                var lost = target.InFlight;
                s.Stats.Failed += lost;
                target.Errors += lost;
                target.IntervalErrors += lost;
                target.IntervalCompleted += lost;
                Remove(s, target);
                Reconcile(s);
                break;
        }
        return target.Name;
    }

    /// <summary>Running totals of a service (live object; read between <see cref="AdvanceTo"/> calls).</summary>
    public ServiceStatistics Statistics(string service) => Get(service).Stats;

    /// <summary>Zeroes a service's <see cref="Statistics"/> (e.g. at the end of a warm-up).</summary>
    public void ResetStatistics(string service)
    {
        var s = Get(service);
        Integrate();
        foreach (var r in s.Replicas) CreditBusy(r);
        s.Stats.Clear();
    }

    /// <summary>Offered request rate (req/s) of a service's load profile at the current time.</summary>
    public double OfferedRate(string service) => Get(service).Load.SegmentAt(_now).RatePerSecond;

    /// <summary>Current state of a service.</summary>
    public ServiceSnapshot Snapshot(string service)
    {
        var s = Get(service);
        var inFlight = s.HeldCount;
        var replicas = new List<ReplicaSnapshot>(s.Replicas.Count);
        foreach (var r in s.Replicas)
        {
            inFlight += r.InFlight;
            replicas.Add(new ReplicaSnapshot(r.Name, r.State, r.InFlight, r.Weight, r.Fault, r.EffectiveSpeed));
        }
        return new ServiceSnapshot
        {
            Service = s.Name,
            Time = Now,
            DesiredReplicas = s.Desired,
            ReadyReplicas = s.Ready,
            StartingReplicas = s.Starting,
            DrainingReplicas = s.Draining,
            InFlight = inFlight,
            Arrivals = s.LifetimeArrivals,
            OfferedRatePerSecond = s.Load.SegmentAt(_now).RatePerSecond,
            Replicas = replicas,
        };
    }

    /// <summary>Replica counts of a service without allocating: desired, ready, starting, draining.</summary>
    public (int Desired, int Ready, int Starting, int Draining) Counts(string service)
    {
        var s = Get(service);
        return (s.Desired, s.Ready, s.Starting, s.Draining);
    }

    /// <summary>The balancer instance of a service (the evaluation harness configures it per run).</summary>

    private SimService Get(string service) =>
        _byName.TryGetValue(service, out var s) ? s : throw new ArgumentException($"unknown service '{service}'; known: {string.Join(", ", _byName.Keys)}", nameof(service));

    private DateTimeOffset ToTime(double seconds) => Start.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    private static void Validate(ServiceOptions s)
    {
        ArgumentNullException.ThrowIfNull(s.Load);
        ArgumentNullException.ThrowIfNull(s.ServiceTime);
        if (s.Workers < 1) throw new ArgumentOutOfRangeException(nameof(s), $"service '{s.Name}': Workers must be at least 1");
        if (s.QueueCapacity < 0) throw new ArgumentOutOfRangeException(nameof(s), $"service '{s.Name}': QueueCapacity must not be negative");
        if (s.InitialReplicas < 0) throw new ArgumentOutOfRangeException(nameof(s), $"service '{s.Name}': InitialReplicas must not be negative");
        if (s.StartupDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(s), $"service '{s.Name}': StartupDelay must not be negative");
        if (s.SpeedFactors.Count == 0 || s.SpeedFactors.Any(f => !(f > 0))) throw new ArgumentOutOfRangeException(nameof(s), $"service '{s.Name}': SpeedFactors must be positive and non-empty");
    }
}
