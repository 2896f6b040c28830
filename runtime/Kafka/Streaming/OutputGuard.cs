namespace Pipeline.Runtime.Kafka.Streaming;

/// <summary>
/// The check every stage makes before publishing: an output bigger than its topic's limit would be refused by the
/// producer (or by the consumer downstream), so it goes to the dead-letter topic instead, with the reason, and is counted.
/// </summary>
public static class OutputGuard
{
    /// <summary>Why <paramref name="value"/> may not be published to <paramref name="topic"/>, or null when it may.</summary>
    public static string? Rejection(string topic, string? key, int valueBytes, int limit) =>
        valueBytes > limit
            ? $"output too large: a {valueBytes}-byte record for {topic} (key \"{Shorten(key)}\") exceeds the limit of {limit} bytes; not published"
            : null;

    /// <summary>The reason for an output the producer refused (e.g. over <c>message.max.bytes</c>).</summary>
    public static string Refused(string topic, string? key, int valueBytes, string producerReason) =>
        $"output refused: a {valueBytes}-byte record for {topic} (key \"{Shorten(key)}\"): {producerReason}; not published";

    /// <summary>
    /// An unpublished output as the input of its dead letter: the topic it was meant for, no partition or offset (-1),
    /// its own bytes (truncated by <see cref="DeadLetterFactory"/>).
    /// </summary>
    public static InputMessage AsInput(string topic, string? key, byte[] value, DateTimeOffset now, DateTimeOffset? origin) =>
        new(topic, -1, -1, key, value, now) { Origin = origin ?? now };

    private static string Shorten(string? key) => key is null ? "" : key.Length <= 64 ? key : key[..64] + "...";
}
