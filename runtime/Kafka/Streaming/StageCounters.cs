using System.Collections.Concurrent;

namespace Pipeline.Runtime.Kafka.Streaming;

/// <summary>Running counts of one stage, read by the demo view, logs and the metrics endpoint.</summary>
public sealed class StageCounter
{
    private readonly ConcurrentDictionary<string, long[]> _byTopic = new(StringComparer.Ordinal);
    private readonly Action<TimeSpan> _processed;
    private long _consumed;
    private long _published;
    private long _deadLettered;
    private long _lastPollTicks = long.MinValue;
    private long _lag = -1;
    private string? _fatal;
    private string? _paused;

    internal StageCounter(Action<TimeSpan> processed) => _processed = processed;

    public long Consumed => Interlocked.Read(ref _consumed);
    public long Published => Interlocked.Read(ref _published);
    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    /// <summary>When the loop last polled the consumer (null before the first poll).</summary>
    public DateTimeOffset? LastPoll
    {
        get
        {
            var ticks = Interlocked.Read(ref _lastPollTicks);
            return ticks == long.MinValue ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>Messages behind the high watermark over the assigned partitions at the last tick, when known.</summary>
    public long? ConsumerLag => Interlocked.Read(ref _lag) is >= 0 and var lag ? lag : null;

    /// <summary>Why the stage cannot go on (a failed delivery or a fatal error), or null while it is fine.</summary>
    public string? FatalReason => Volatile.Read(ref _fatal);

    /// <summary>Why the stage has paused its input (e.g. its InfluxDB is down), or null while it consumes.</summary>
    public string? PausedReason => Volatile.Read(ref _paused);

    /// <summary>Consumed, published and dead-lettered counts per topic (input topic, output topic, source topic), ordered by topic.</summary>
    public IReadOnlyList<(string Topic, long Consumed, long Published, long DeadLettered)> ByTopic =>
        _byTopic.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => (p.Key, Interlocked.Read(ref p.Value[0]), Interlocked.Read(ref p.Value[1]), Interlocked.Read(ref p.Value[2])))
            .ToList();

    /// <summary>Counts one record consumed from <paramref name="topic"/>.</summary>
    public void AddConsumed(string topic) => Add(ref _consumed, topic, 0);
    /// <summary>Counts one record delivered to <paramref name="topic"/> (the loop does it; a producer-only stage calls it itself).</summary>
    public void AddPublished(string topic) => Add(ref _published, topic, 1);
    /// <summary>Counts one record of <paramref name="topic"/> sent to (or left in) the dead-letter topic.</summary>
    public void AddDeadLettered(string topic) => Add(ref _deadLettered, topic, 2);
    /// <summary>Counts one dead letter by the kind of its <paramref name="reason"/> (see <see cref="DeadLetterReasons"/>).</summary>
    public void AddDeadLetterReason(string reason) => Reasons.Add(reason);
    /// <summary>Dead letters by the kind of their reason.</summary>
    public DeadLetterReasons Reasons { get; } = new();
    /// <summary>Observes the processing time of one record.</summary>
    public void AddProcessed(TimeSpan elapsed) => _processed(elapsed);
    /// <summary>Records that the stage's loop ran at <paramref name="now"/>: a consumer poll, or a producer-only stage's collection.</summary>
    public void MarkPolled(DateTimeOffset now) => Interlocked.Exchange(ref _lastPollTicks, now.UtcTicks);
    /// <summary>Sets the consumer lag over the assigned partitions (null: unknown).</summary>
    public void SetLag(long? lag) => Interlocked.Exchange(ref _lag, lag ?? -1);

    /// <summary>Records that the stage paused its input for <paramref name="reason"/>, or resumed (null).</summary>
    public void SetPaused(string? reason) => Volatile.Write(ref _paused, reason);

    /// <summary>Marks the stage as failed with <paramref name="reason"/> (the first reason is kept).</summary>
    public void MarkFatal(string reason) => Interlocked.CompareExchange(ref _fatal, reason, null);

    private void Add(ref long total, string topic, int index)
    {
        Interlocked.Increment(ref total);
        Interlocked.Increment(ref _byTopic.GetOrAdd(topic, _ => new long[3])[index]);
    }
}

/// <summary>The counters of every stage in the process, by stage name (one singleton per process).</summary>
public sealed class StageCounters
{
    private readonly ConcurrentDictionary<string, StageCounter> _byStage = new(StringComparer.Ordinal);

    /// <summary>Called with (stage, processing time) after each record; set by the metrics endpoint (null: not observed).</summary>
    public Action<string, TimeSpan>? ProcessingObserved { get; set; }

    /// <summary>The counter of <paramref name="stage"/>, created on first use.</summary>
    public StageCounter For(string stage) =>
        _byStage.GetOrAdd(stage, s => new StageCounter(elapsed => ProcessingObserved?.Invoke(s, elapsed)));

    /// <summary>A snapshot of all stages, ordered by name.</summary>
    public IReadOnlyList<KeyValuePair<string, StageCounter>> All => _byStage.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
}
