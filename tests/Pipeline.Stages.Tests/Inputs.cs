using System.Text.Json;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Contracts.Serialization;

namespace Pipeline.Stages.Tests;

/// <summary>Builds consumed records for stage processors.</summary>
internal static class Inputs
{
    public static InputMessage Of<T>(string topic, string key, T message, long offset = 0, int partition = 0) =>
        new(topic, partition, offset, key, JsonSerializer.SerializeToUtf8Bytes(message, JsonDefaults.Options), DateTimeOffset.UnixEpoch);
}
