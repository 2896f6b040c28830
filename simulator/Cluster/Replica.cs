using Pipeline.Contracts.Messages;

namespace Pipeline.Simulator.Cluster;

/// <summary>
/// One simulated replica: <see cref="Workers"/> parallel servers in front of a FIFO queue. Mutable state owned by
/// <see cref="SimulatedCluster"/>; balancers see it through <see cref="Balancing.ReplicaView"/>.
/// </summary>
internal sealed class Replica
{
    private double[] _queue;
    private int _head;

    public Replica(string name, int workers, double speed, int queueCapacity, double readyAt)
    {
        Name = name;
        Workers = workers;
        BaseSpeed = speed;
        QueueCapacity = queueCapacity;
        ReadyAt = readyAt;
        _queue = new double[Math.Min(16, Math.Max(1, queueCapacity))];
        IntervalLatency = new long[LatencyBuckets.Count];
    }

    public string Name { get; }
    public SimService Owner = null!;

    /// <summary>Index in the cluster's replica table (never reused).</summary>
    public int Id;
    public int Workers { get; }
    public double BaseSpeed { get; }
    public int QueueCapacity { get; }
    public ReplicaState State;
    public double ReadyAt;
    public ReplicaFaultKind Fault;
    public double Slowdown = 1;
    public double Weight = 1;

    /// <summary>Position in the service's candidate array, -1 when not a candidate.</summary>
    public int CandidateIndex = -1;

    public int Busy;
    public int Queued;
    public int InFlight => Busy + Queued;
    public double EffectiveSpeed => BaseSpeed / Slowdown;

    // Current sample interval.
    public long IntervalArrivals, IntervalCompleted, IntervalErrors;
    public double IntervalBusySeconds, LastBusyChange, BusyCredited;
    public long[] IntervalLatency;
    public double IntervalLatencySumMs;

    // Lifetime.
    public long Completed, Errors;

    // Peak-EWMA state (Linkerd/Finagle): cost in seconds, time of the last update.
    public double EwmaCost, EwmaStamp;
    public bool EwmaMeasured;

    public void AccrueBusy(double now)
    {
        IntervalBusySeconds += Busy * (now - LastBusyChange);
        LastBusyChange = now;
    }

    public bool TryEnqueue(double arrival)
    {
        if (Queued >= QueueCapacity) return false;
        if (Queued == _queue.Length) Grow();
        var tail = _head + Queued;
        if (tail >= _queue.Length) tail -= _queue.Length;
        _queue[tail] = arrival;
        Queued++;
        return true;
    }

    public double Dequeue()
    {
        var value = _queue[_head];
        _head++;
        if (_head == _queue.Length) _head = 0;
        Queued--;
        return value;
    }

    public void ClearQueue()
    {
        Queued = 0;
        _head = 0;
    }

    private void Grow()
    {
        var bigger = new double[Math.Min(QueueCapacity, _queue.Length * 2)];
        for (var i = 0; i < Queued; i++)
        {
            var j = _head + i;
            if (j >= _queue.Length) j -= _queue.Length;
            bigger[i] = _queue[j];
        }
        _queue = bigger;
        _head = 0;
    }
}
