namespace Pipeline.Runtime.Kafka.Streaming;

/// <summary>The checks every stage makes before reading a record: it has a value and is not oversized.</summary>
public static class RecordGuard
{
    /// <summary>Why <paramref name="input"/> goes to the dead-letter topic unread, or null when it may be read.</summary>
    public static string? Rejection(InputMessage input, int maxMessageBytes) =>
        input.Value.Length == 0 ? "empty: the record has no value"
        : input.Value.Length > maxMessageBytes ? $"oversized: {input.Value.Length} bytes exceeds the limit of {maxMessageBytes} bytes"
        : null;
}
