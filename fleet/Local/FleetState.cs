using Microsoft.Extensions.Logging;

namespace Pipeline.Fleet.Local;

/// <summary>The local target's shared state: desired count, pending weights, replicas, events; thread-safe.</summary>
internal sealed partial class FleetState(TimeProvider time, ILogger logger)
{
    /// <summary>Events kept (the oldest are dropped beyond it, so a long run does not grow without bound).</summary>
    public const int EventLimit = 10_000;

    private readonly Dictionary<string, ReplicaEntry> _replicas = new(StringComparer.Ordinal);
    private readonly List<ReplicaEvent> _events = [];
    private IReadOnlyDictionary<string, double>? _weights;
    private int _desired;

    public Lock Gate { get; } = new();
    public TimeProvider Time => time;

    public int Desired
    {
        get => Volatile.Read(ref _desired);
        set => Volatile.Write(ref _desired, value);
    }

    /// <summary>Weights waiting to be pushed to the proxy (the latest command wins).</summary>
    public IReadOnlyDictionary<string, double>? TakeWeights() => Interlocked.Exchange(ref _weights, null);

    public void OfferWeights(IReadOnlyDictionary<string, double> weights) => Volatile.Write(ref _weights, weights);

    /// <summary>Puts weights that failed to reach the proxy back, unless newer ones arrived meanwhile.</summary>
    public void ReturnWeights(IReadOnlyDictionary<string, double> weights) => Interlocked.CompareExchange(ref _weights, weights, null);

    public void Add(ReplicaEntry entry)
    {
        lock (Gate) _replicas.Add(entry.Id, entry);
    }

    public bool Remove(string id)
    {
        lock (Gate) return _replicas.Remove(id);
    }

    public ReplicaEntry? Find(string id)
    {
        lock (Gate) return _replicas.GetValueOrDefault(id);
    }

    public List<ReplicaEntry> Snapshot()
    {
        lock (Gate) return [.. _replicas.Values];
    }

    public void Move(ReplicaEntry entry, ReplicaPhase phase)
    {
        lock (Gate) entry.MoveTo(phase, time.GetTimestamp());
    }

    public LocalFleetStatus Status()
    {
        lock (Gate)
        {
            int Count(ReplicaPhase p) => _replicas.Values.Count(r => r.Phase == p);
            return new LocalFleetStatus(Desired, Count(ReplicaPhase.Starting), Count(ReplicaPhase.Ready), Count(ReplicaPhase.Draining), Count(ReplicaPhase.Stopping));
        }
    }

    public IReadOnlyList<ReplicaEvent> Events()
    {
        lock (_events) return [.. _events];
    }

    public void Record(string id, ReplicaEventKind kind, string reason)
    {
        lock (_events)
        {
            if (_events.Count >= EventLimit) _events.RemoveRange(0, EventLimit / 10);
            _events.Add(new ReplicaEvent(time.GetUtcNow(), id, kind, reason));
        }
        if (kind is ReplicaEventKind.Died or ReplicaEventKind.Killed or ReplicaEventKind.Failed) Log.Trouble(logger, id, kind, reason);
        else Log.Event(logger, id, kind, reason);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "replica {Id} {Kind}: {Reason}")]
        public static partial void Event(ILogger logger, string id, ReplicaEventKind kind, string reason);

        [LoggerMessage(2, LogLevel.Warning, "replica {Id} {Kind}: {Reason}")]
        public static partial void Trouble(ILogger logger, string id, ReplicaEventKind kind, string reason);
    }
}
