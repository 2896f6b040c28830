using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Sink.LineProtocol;

namespace Pipeline.Sink.Mapping;

/// <summary>Maps a record of any pipeline topic to its points; a record that cannot be read yields a reason for the dead-letter topic.</summary>
public static class TopicPointMapper
{
    /// <summary>Topics the sink reads.</summary>
    public static IReadOnlyList<string> Topics { get; } =
        [TopicNames.Metrics, TopicNames.Features, TopicNames.ScaleDecisions, TopicNames.RouteDecisions, TopicNames.Actuations, TopicNames.DeadLetters,
        TopicNames.Health];

    /// <summary>Points of <paramref name="record"/>, or false with a reason naming the problem.</summary>
    public static bool TryMap(InputMessage record, out IReadOnlyList<Point> points, out string reason) => record.Topic switch
    {
        TopicNames.Metrics => Read<MetricSample>(record, s => [MetricSamplePoints.From(s)], out points, out reason),
        TopicNames.Features => Read<FeatureWindow>(record, w => [.. FeatureWindowPoints.From(w)], out points, out reason),
        TopicNames.ScaleDecisions => Read<ScaleDecision>(record, d => [ScaleDecisionPoints.From(d, Latency(record))], out points, out reason),
        TopicNames.RouteDecisions => Read<RouteDecision>(record, d => [.. RouteDecisionPoints.From(d)], out points, out reason),
        TopicNames.Actuations => Read<ActuationResult>(record, a => [ActuationResultPoints.From(a)], out points, out reason),
        TopicNames.DeadLetters => Read<DeadLetter>(record, d => [DeadLetterPoints.From(d)], out points, out reason),
        TopicNames.Health => Read<StageHealth>(record, h => [StageHealthPoints.From(h)], out points, out reason),
        _ => Unknown(record.Topic, out points, out reason),
    };

    private static bool Read<T>(InputMessage record, Func<T, IReadOnlyList<Point>> map, out IReadOnlyList<Point> points, out string reason)
        where T : class
    {
        points = [];
        if (!MessageReader.TryRead<T>(record, out var message, out reason)) return false;
        try
        {
            points = map(message);
            return true;
        }
        catch (Exception e) when (e is ArgumentException or NullReferenceException or InvalidOperationException)
        {
            reason = $"invalid {typeof(T).Name}: {e.Message}";
            return false;
        }
    }

    /// <summary>Record timestamp minus origin, when the record carries an origin header distinct from its own timestamp.</summary>
    private static TimeSpan? Latency(InputMessage record) =>
        record.Origin != record.Timestamp && record.Origin <= record.Timestamp ? record.Timestamp - record.Origin : null;

    private static bool Unknown(string topic, out IReadOnlyList<Point> points, out string reason)
    {
        points = [];
        reason = $"topic: the sink has no mapping for topic '{topic}'";
        return false;
    }
}
