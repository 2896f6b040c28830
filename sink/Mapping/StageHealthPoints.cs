using Pipeline.Contracts.Messages;
using Pipeline.Sink.LineProtocol;

namespace Pipeline.Sink.Mapping;

/// <summary><see cref="StageHealth"/> → one <c>stage_health</c> point tagged by stage and instance (process).</summary>
public static class StageHealthPoints
{
    public static Point From(StageHealth h)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(h.Stage, nameof(h.Stage));
        ArgumentException.ThrowIfNullOrWhiteSpace(h.Instance, nameof(h.Instance));
        var point = new Point(Measurements.StageHealth, h.Timestamp)
            .Tag(TagKeys.Stage, h.Stage)
            .Tag(TagKeys.Instance, h.Instance)
            .Field("consumed", h.Consumed)
            .Field("published", h.Published)
            .Field("dead_lettered", h.DeadLettered)
            .Field("healthy", h.Healthy)
            .Field("reason", h.Reason ?? "");
        if (h.ConsumerLag is { } lag) point.Field("consumer_lag", lag);
        if (h.LastPollAgeSeconds is { } age) point.Field("last_poll_age_s", age);
        return point;
    }
}
