using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Sink.Influx;
using Pipeline.Sink.LineProtocol;
using Pipeline.Sink.Mapping;

namespace Pipeline.Sink.Health;

/// <summary>Pipeline-health points: per-stage counters (<c>pipeline_stage</c>) and the sink writer's own counters (<c>sink_writer</c>).</summary>
public static class HealthPoints
{
    /// <summary>One <c>pipeline_stage</c> point per stage of this process.</summary>
    /// <param name="counters">The process's stage counters.</param>
    /// <param name="now">Time of the snapshot.</param>
    /// <param name="lagByStage">Consumer lag (messages behind the high watermark) per stage, where known.</param>
    public static IReadOnlyList<Point> Stages(StageCounters counters, DateTimeOffset now, IReadOnlyDictionary<string, long>? lagByStage = null)
    {
        var points = new List<Point>();
        foreach (var (stage, counter) in counters.All)
        {
            var point = new Point(Measurements.PipelineStage, now)
                .Tag(TagKeys.Stage, stage)
                .Field("consumed", counter.Consumed)
                .Field("published", counter.Published)
                .Field("dead_lettered", counter.DeadLettered);
            if (lagByStage is not null && lagByStage.TryGetValue(stage, out var lag)) point.Field("consumer_lag", lag);
            points.Add(point);
        }
        return points;
    }

    /// <summary>The <c>sink_writer</c> point of a writer's counters.</summary>
    public static Point Writer(InfluxWriterStats stats, DateTimeOffset now) =>
        new Point(Measurements.SinkWriter, now)
            .Tag(TagKeys.Stage, "sink")
            .Field("points_written", stats.PointsWritten)
            .Field("points_failed", stats.PointsFailed)
            .Field("points_skipped", stats.PointsSkipped)
            .Field("points_retried", stats.PointsRetried)
            .Field("retries", stats.Retries)
            .Field("batches", stats.Batches)
            .Field("buffered", stats.Buffered);
}
