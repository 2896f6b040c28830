using Pipeline.Runtime.Kafka.Streaming;

namespace Pipeline.Runtime.Observability;

/// <summary>The health of one stage: healthy, or the reason it is not.</summary>
/// <param name="Stage">Stage name.</param>
/// <param name="Healthy">True when the loop polled recently and nothing fatal happened.</param>
/// <param name="Reason">Why it is unhealthy, or null.</param>
/// <param name="LastPollAge">Time since the loop last polled (null before the first poll).</param>
public sealed record StageStatus(string Stage, bool Healthy, string? Reason, TimeSpan? LastPollAge);

/// <summary>Pure health rule of a stage process, evaluated at an explicit <c>now</c>.</summary>
public static class StageHealthCheck
{
    /// <summary>
    /// One status per stage in <paramref name="counters"/>: unhealthy when it failed fatally, paused its input, or last
    /// polled more than <paramref name="staleAfter"/> before <paramref name="now"/>.
    /// </summary>
    public static IReadOnlyList<StageStatus> Evaluate(StageCounters counters, DateTimeOffset now, TimeSpan staleAfter) =>
        counters.All.Select(p => Evaluate(p.Key, p.Value, now, staleAfter)).ToList();

    /// <summary>The status of one stage's counter.</summary>
    public static StageStatus Evaluate(string stage, StageCounter counter, DateTimeOffset now, TimeSpan staleAfter)
    {
        var age = counter.LastPoll is { } poll ? now - poll : (TimeSpan?)null;
        if (counter.FatalReason is { } fatal) return new StageStatus(stage, false, $"{stage}: fatal: {fatal}", age);
        if (counter.PausedReason is { } paused) return new StageStatus(stage, false, $"{stage}: paused: {paused}", age);
        if (age is null) return new StageStatus(stage, false, $"{stage}: the consume loop has not polled yet", null);
        if (age > staleAfter)
            return new StageStatus(stage, false, $"{stage}: last poll {age.Value.TotalSeconds:0.0} s ago (limit {staleAfter.TotalSeconds:0} s)", age);
        return new StageStatus(stage, true, null, age);
    }
}
