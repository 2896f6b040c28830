using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Contracts.Messages;

namespace Pipeline.Runtime.Observability;

/// <summary>Builds the <see cref="StageHealth"/> messages of every stage in a process at an explicit <c>now</c>.</summary>
public static class StageHealthSnapshots
{
    /// <summary>One snapshot per stage in <paramref name="counters"/>, ordered by stage.</summary>
    public static IReadOnlyList<StageHealth> Take(StageCounters counters, string instance, DateTimeOffset now, TimeSpan staleAfter) =>
        counters.All.Select(p =>
        {
            var status = StageHealthCheck.Evaluate(p.Key, p.Value, now, staleAfter);
            return new StageHealth
            {
                Stage = p.Key,
                Instance = instance,
                Timestamp = now,
                Consumed = p.Value.Consumed,
                Published = p.Value.Published,
                DeadLettered = p.Value.DeadLettered,
                ConsumerLag = p.Value.ConsumerLag,
                LastPollAgeSeconds = status.LastPollAge?.TotalSeconds,
                Healthy = status.Healthy,
                Reason = status.Reason,
            };
        }).ToList();
}
