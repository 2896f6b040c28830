using System.Collections.Concurrent;
using Pipeline.Sink.LineProtocol;
using Pipeline.Sink.Mapping;

namespace Pipeline.Sink.Health;

/// <summary>
/// Messages the sink has seen per topic; <see cref="Points"/> turns them into <c>pipeline_topic</c> points
/// (cumulative count, the rate since the previous call and the largest consumer time lag seen since it). Thread-safe.
/// </summary>
public sealed class TopicCounters
{
    private readonly ConcurrentDictionary<string, Counter> _byTopic = new(StringComparer.Ordinal);

    /// <summary>Counts one message of <paramref name="topic"/>; <paramref name="rejected"/> when the sink could not map it.</summary>
    /// <param name="topic">Topic of the record.</param>
    /// <param name="rejected">Whether the sink could not map it (it was dead-lettered).</param>
    /// <param name="lag">Consumer time lag: when the sink read the record minus the record's Kafka timestamp.</param>
    public void Record(string topic, bool rejected = false, TimeSpan? lag = null)
    {
        var counter = _byTopic.GetOrAdd(topic, _ => new Counter());
        Interlocked.Increment(ref counter.Messages);
        if (rejected) Interlocked.Increment(ref counter.Rejected);
        if (lag is { } l)
        {
            var ms = Math.Max(0, (long)l.TotalMilliseconds);
            long seen;
            do seen = Interlocked.Read(ref counter.MaxLagMs);
            while (ms > seen && Interlocked.CompareExchange(ref counter.MaxLagMs, ms, seen) != seen);
        }
    }

    /// <summary>Messages seen so far on <paramref name="topic"/>.</summary>
    public long Messages(string topic) => _byTopic.TryGetValue(topic, out var c) ? Interlocked.Read(ref c.Messages) : 0;

    /// <summary>One <c>pipeline_topic</c> point per topic at <paramref name="now"/>.</summary>
    public IReadOnlyList<Point> Points(DateTimeOffset now)
    {
        var points = new List<Point>();
        foreach (var (topic, c) in _byTopic.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var messages = Interlocked.Read(ref c.Messages);
            var point = new Point(Measurements.PipelineTopic, now)
                .Tag(TagKeys.Topic, topic)
                .Tag(TagKeys.Stage, "sink")
                .Field("messages", messages)
                .Field("rejected", Interlocked.Read(ref c.Rejected));
            var lag = Interlocked.Exchange(ref c.MaxLagMs, -1);
            if (lag >= 0) point.Field("lag_ms", lag);
            lock (c)
            {
                if (c.LastAt is { } last && now > last)
                    point.Field("rate_per_s", (messages - c.LastMessages) / (now - last).TotalSeconds);
                c.LastAt = now;
                c.LastMessages = messages;
            }
            points.Add(point);
        }
        return points;
    }

    private sealed class Counter
    {
        public long Messages;
        public long Rejected;
        public long MaxLagMs = -1;
        public DateTimeOffset? LastAt;
        public long LastMessages;
    }
}
