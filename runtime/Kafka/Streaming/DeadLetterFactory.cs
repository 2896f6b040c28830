using Pipeline.Contracts.Messages;

namespace Pipeline.Runtime.Kafka.Streaming;

/// <summary>Builds the <see cref="DeadLetter"/> of a consumed record, the same way for every stage engine.</summary>
public static class DeadLetterFactory
{
    /// <summary>
    /// The dead letter of <paramref name="input"/> with <paramref name="reason"/> and its original bytes, truncated to
    /// max(1024, <paramref name="maxMessageBytes"/> / 4) (the reason then says so).
    /// </summary>
    public static DeadLetter Create(string stage, InputMessage input, string reason, int maxMessageBytes, DateTimeOffset now)
    {
        var original = input.Value;
        var keep = Math.Max(1024, maxMessageBytes / 4);
        if (original.Length > keep)
        {
            reason = $"{reason} (original bytes truncated to the first {keep} of {original.Length})";
            original = original[..keep];
        }
        return new DeadLetter
        {
            Stage = stage,
            SourceTopic = input.Topic,
            Partition = input.Partition,
            Offset = input.Offset,
            Key = input.Key,
            Reason = reason,
            OriginalBytes = original,
            Timestamp = now,
        };
    }
}
