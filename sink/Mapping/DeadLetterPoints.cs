using Pipeline.Contracts.Messages;
using Pipeline.Sink.LineProtocol;

namespace Pipeline.Sink.Mapping;

/// <summary>
/// <see cref="DeadLetter"/> → one <c>dead_letter</c> point tagged by the rejecting stage and the source topic.
/// Points of one series with the same timestamp overwrite each other in InfluxDB, so the timestamp gets the source
/// offset modulo 1000 added in nanoseconds: dead letters rejected within the same microsecond all stay.
/// </summary>
public static class DeadLetterPoints
{
    public static Point From(DeadLetter d) =>
        new Point(Measurements.DeadLetter, Point.ToUnixNanoseconds(d.Timestamp) + Math.Abs(d.Offset % 1000))
            .Tag(TagKeys.Stage, d.Stage)
            .Tag(TagKeys.Topic, d.SourceTopic)
            .Field("count", 1)
            .Field("reason", d.Reason)
            .Field("key", d.Key ?? "")
            .Field("partition", d.Partition)
            .Field("offset", d.Offset)
            .Field("bytes", d.OriginalBytes.Length);
}
