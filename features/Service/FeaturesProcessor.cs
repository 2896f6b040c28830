using Confluent.Kafka;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Features.Windowing;

namespace Pipeline.Features.Service;

/// <summary>
/// The features stage on the consume-transform-produce loop: metric samples in, closed event-time feature windows out
/// (keyed by service). Malformed, invalid, late and duplicate samples go to the dead-letter topic with the reason.
/// Offsets of samples still in open windows are not committed, so a restart rebuilds those windows.
/// </summary>
public sealed class FeaturesProcessor(WindowingOptions options, TimeProvider time) : IStageProcessor
{
    private readonly FeatureStep _step = new(options);
    private readonly HeldSamples _held = new();

    public string Stage => FeaturesEngines.Stage;

    public IReadOnlyList<string> InputTopics { get; } = [TopicNames.Metrics];

    public void Process(InputMessage message, IStageOutput output)
    {
        var result = _step.Add(message, time.GetUtcNow());
        if (result.Accepted is not { } sample)
        {
            output.DeadLetter(result.Rejection ?? "rejected");
            return;
        }
        _held.Hold(message.Partition, sample.Service, sample.Timestamp, message.Offset);
        Emit(result.Closed, output);
    }

    public void Tick(IStageOutput output) => Emit(_step.CloseIdle(time.GetUtcNow()), output);

    public long? HeldOffset(TopicPartition partition) => _held.Lowest(partition.Partition.Value);

    private void Emit(IReadOnlyList<FeatureWindow> windows, IStageOutput output)
    {
        foreach (var window in windows)
        {
            output.Publish(TopicNames.Features, window.Service, window);
            _held.Release(window.Service, window.WindowEnd);
        }
    }
}
