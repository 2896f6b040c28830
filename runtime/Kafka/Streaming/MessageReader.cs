using System.Text.Json;
using Pipeline.Contracts.Serialization;

namespace Pipeline.Runtime.Kafka.Streaming;

/// <summary>Deserializes record values into messages, turning every failure into a reason for the dead-letter topic.</summary>
public static class MessageReader
{
    /// <summary>Reads a <typeparamref name="T"/>; on failure returns false with a reason naming the JSON path and problem.</summary>
    public static bool TryRead<T>(InputMessage input, out T message, out string reason) where T : class
    {
        try
        {
            message = JsonSerializer.Deserialize<T>(input.Value, JsonDefaults.Options)!;
            if (message is null)
            {
                reason = "malformed: value is JSON null";
                return false;
            }
            reason = "";
            return true;
        }
        catch (JsonException e)
        {
            message = null!;
            reason = $"malformed: {e.Message}";
            return false;
        }
    }
}
