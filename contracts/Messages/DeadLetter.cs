namespace Pipeline.Contracts.Messages;

/// <summary>
/// A message a stage could not process, published on <see cref="Topics.TopicNames.DeadLetters"/> with the original
/// bytes (base64 in JSON) and the reason, so nothing is dropped silently.
/// </summary>
public sealed record DeadLetter
{
    public int Version { get; init; } = 1;

    /// <summary>Stage that rejected the message (e.g. <c>features</c>).</summary>
    public required string Stage { get; init; }
    public required string SourceTopic { get; init; }
    public int Partition { get; init; }
    public long Offset { get; init; }
    public string? Key { get; init; }

    /// <summary>Why it was rejected, naming the field and the problem.</summary>
    public required string Reason { get; init; }
    public required byte[] OriginalBytes { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
}
