namespace Pipeline.Runtime.Kafka.Streaming;

/// <summary>What a <see cref="IStageProcessor"/> can do with the message it is processing.</summary>
public interface IStageOutput
{
    /// <summary>Produces <paramref name="message"/> as JSON on <paramref name="topic"/> keyed by <paramref name="key"/>.</summary>
    void Publish<T>(string topic, string key, T message);

    /// <summary>Sends the message being processed to the dead-letter topic with its original bytes and <paramref name="reason"/>.</summary>
    void DeadLetter(string reason);
}
