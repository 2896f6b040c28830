using System.Collections.Concurrent;

namespace Pipeline.Contracts.Kafka.Streaming;

/// <summary>Running counts of one stage, read by the demo view and logs.</summary>
public sealed class StageCounter
{
    private long _consumed;
    private long _published;
    private long _deadLettered;

    public long Consumed => Interlocked.Read(ref _consumed);
    public long Published => Interlocked.Read(ref _published);
    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    internal void AddConsumed() => Interlocked.Increment(ref _consumed);
    internal void AddPublished() => Interlocked.Increment(ref _published);
    internal void AddDeadLettered() => Interlocked.Increment(ref _deadLettered);
}

/// <summary>The counters of every stage in the process, by stage name (one singleton per process).</summary>
public sealed class StageCounters
{
    private readonly ConcurrentDictionary<string, StageCounter> _byStage = new(StringComparer.Ordinal);

    /// <summary>The counter of <paramref name="stage"/>, created on first use.</summary>
    public StageCounter For(string stage) => _byStage.GetOrAdd(stage, _ => new StageCounter());

    /// <summary>A snapshot of all stages, ordered by name.</summary>
    public IReadOnlyList<KeyValuePair<string, StageCounter>> All => _byStage.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
}
