using Confluent.Kafka;
using Pipeline.Runtime.Kafka.Streaming;
using Streamiz.Kafka.Net.Processors;

namespace Pipeline.Features.Streamiz;

/// <summary>
/// Sends each <see cref="StageRecord"/> to its topic with only the <see cref="OriginHeader"/> (the sink writes the record
/// context's headers, so they are set here, just before it sends) and the producer's wall-clock time as its timestamp,
/// as the loop's producer does.
/// </summary>
internal sealed class OutputRouting : ITopicNameExtractor<string, StageRecord>, IRecordTimestampExtractor<string, StageRecord>
{
    public string Extract(string key, StageRecord value, IRecordContext recordContext)
    {
        var headers = new Headers();
        if (value.Origin is { } origin) headers.Add(OriginHeader.Name, OriginHeader.Encode(origin));
        recordContext.SetHeaders(headers);
        return value.Topic;
    }

    long IRecordTimestampExtractor<string, StageRecord>.Extract(string key, StageRecord value, IRecordContext recordContext) =>
        DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
}
