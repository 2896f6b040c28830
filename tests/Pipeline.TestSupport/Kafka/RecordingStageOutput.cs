using Pipeline.Runtime.Kafka.Streaming;

namespace Pipeline.TestSupport.Kafka;

/// <summary>An <see cref="IStageOutput"/> that records what a processor published or dead-lettered, for unit tests of stage processors.</summary>
public sealed class RecordingStageOutput : IStageOutput
{
    public List<(string Topic, string Key, object Message)> Published { get; } = [];
    public List<string> DeadLetters { get; } = [];

    public void Publish<T>(string topic, string key, T message) => Published.Add((topic, key, message!));

    public void DeadLetter(string reason) => DeadLetters.Add(reason);

    /// <summary>The published messages of type <typeparamref name="T"/>.</summary>
    public IReadOnlyList<T> Of<T>() => [.. Published.Select(p => p.Message).OfType<T>()];
}
