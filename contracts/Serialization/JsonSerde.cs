using System.Text.Json;
using Confluent.Kafka;
using Pipeline.Contracts.Messages;

namespace Pipeline.Contracts.Serialization;

/// <summary>System.Text.Json serializer and deserializer of a message type for Confluent.Kafka clients.</summary>
public sealed class JsonSerde<T> : ISerializer<T>, IDeserializer<T>
{
    public static JsonSerde<T> Instance { get; } = new();

    /// <summary>Serializes with <see cref="JsonDefaults.Options"/>; a feature window through <see cref="FeatureWindowJson"/> (same bytes, faster).</summary>
    public byte[] Serialize(T data, SerializationContext context) =>
        data is FeatureWindow window ? FeatureWindowJson.Serialize(window) : JsonSerializer.SerializeToUtf8Bytes(data, JsonDefaults.Options);

    /// <summary>Deserializes; throws <see cref="JsonException"/> (with the path of the offending field) on malformed input.</summary>
    public T Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context)
    {
        if (isNull || data.IsEmpty) throw new JsonException("message value is empty");
        return JsonSerializer.Deserialize<T>(data, JsonDefaults.Options) ?? throw new JsonException("message value is JSON null");
    }
}
