using System.Buffers.Binary;
using Confluent.Kafka;

namespace Pipeline.Runtime.Kafka.Streaming;

/// <summary>
/// The <c>pipeline-origin</c> record header: Unix milliseconds (8 bytes, big-endian) when the input that led to a record
/// was produced. Stages copy it from input to output; decision latency is a decision's record timestamp minus it.
/// </summary>
public static class OriginHeader
{
    public const string Name = "pipeline-origin";

    /// <summary>The header value of <paramref name="origin"/>.</summary>
    public static byte[] Encode(DateTimeOffset origin)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, origin.ToUnixTimeMilliseconds());
        return bytes;
    }

    /// <summary>The origin in <paramref name="headers"/>, or null when absent or malformed.</summary>
    public static DateTimeOffset? Read(Headers? headers)
    {
        if (headers is null || !headers.TryGetLastBytes(Name, out var bytes) || bytes is not { Length: 8 }) return null;
        return DateTimeOffset.FromUnixTimeMilliseconds(BinaryPrimitives.ReadInt64BigEndian(bytes));
    }
}
