using Pipeline.Simulator.Balancing;
using Pipeline.Simulator.Load;

namespace Pipeline.Simulator.Cluster;

/// <summary>Internal state of one service inside <see cref="SimulatedCluster"/>.</summary>
internal sealed class SimService
{
    private ReplicaView[] _views = new ReplicaView[16];
    private Replica[] _candidates = new Replica[16];

    public SimService(ServiceOptions options, IBalancer balancer)
    {
        Options = options;
        Name = options.Name;
        Balancer = balancer;
        Load = options.Load;
        ServiceTime = options.ServiceTime;
        SloSeconds = options.Slo.TotalSeconds;
        StartupSeconds = options.StartupDelay.TotalSeconds;
        TracksLatencyEstimate = balancer.Name is not (BalancerNames.RoundRobin or BalancerNames.Random or BalancerNames.LeastRequest or BalancerNames.Jsq);
    }

    public ServiceOptions Options { get; }
    public string Name { get; }
    public IBalancer Balancer { get; }
    public ILoadProfile Load { get; }
    public ServiceTimeDistribution ServiceTime { get; }
    public double SloSeconds { get; }
    public double StartupSeconds { get; }
    public bool TracksLatencyEstimate { get; }
    public ServiceStatistics Stats { get; } = new();
    public List<Replica> Replicas { get; } = [];

    public int Desired;
    public int Sequence;
    public int Starting, Ready, Draining;
    public long LifetimeArrivals;
    public double DefaultWeight = 1;
    public double LastIntegrated;

    // Arrival process: the next arrival and the load segment it was drawn in.
    public double NextArrival = double.PositiveInfinity;
    public double SegmentRate;
    public double SegmentEnd = double.NegativeInfinity;

    public int CandidateCount;

    // Requests held at the balancer (arrival times, FIFO ring).
    private double[] _held = new double[16];
    private int _heldHead;
    public int HeldCount;

    public bool TryHold(double arrival)
    {
        if (HeldCount >= Options.BalancerQueueCapacity) return false;
        if (HeldCount == _held.Length)
        {
            var bigger = new double[_held.Length * 2];
            for (var i = 0; i < HeldCount; i++) bigger[i] = _held[(_heldHead + i) % _held.Length];
            _held = bigger;
            _heldHead = 0;
        }
        _held[(_heldHead + HeldCount) % _held.Length] = arrival;
        HeldCount++;
        return true;
    }

    public double TakeHeld()
    {
        var value = _held[_heldHead];
        _heldHead = (_heldHead + 1) % _held.Length;
        HeldCount--;
        return value;
    }

    public ReadOnlySpan<ReplicaView> Views => new(_views, 0, CandidateCount);

    public Replica CandidateAt(int index) => _candidates[index];

    public void AddCandidate(Replica replica)
    {
        if (CandidateCount == _candidates.Length)
        {
            Array.Resize(ref _candidates, CandidateCount * 2);
            Array.Resize(ref _views, CandidateCount * 2);
        }
        replica.CandidateIndex = CandidateCount;
        _candidates[CandidateCount] = replica;
        _views[CandidateCount] = new ReplicaView(replica);
        CandidateCount++;
    }

    public void RemoveCandidate(Replica replica)
    {
        var i = replica.CandidateIndex;
        if (i < 0) return;
        var last = --CandidateCount;
        if (i != last)
        {
            _candidates[i] = _candidates[last];
            _views[i] = _views[last];
            _candidates[i].CandidateIndex = i;
        }
        _candidates[last] = null!;
        _views[last] = default;
        replica.CandidateIndex = -1;
    }
}
