using Confluent.Kafka;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Contracts.Validation;
using Pipeline.Features.Windowing;

namespace Pipeline.Features.Service;

/// <summary>
/// The features stage: metric samples in, closed event-time feature windows out (keyed by service). Malformed,
/// invalid, late and duplicate samples go to the dead-letter topic with the reason. Offsets of samples still in open
/// windows are not committed, so a restart rebuilds those windows.
/// </summary>
public sealed class FeaturesProcessor(WindowingOptions options, TimeProvider time) : IStageProcessor
{
    private readonly WindowAggregator _aggregator = new(options);
    private readonly HeldSamples _held = new();

    public string Stage => "features";

    public IReadOnlyList<string> InputTopics { get; } = [TopicNames.Metrics];

    public void Process(InputMessage message, IStageOutput output)
    {
        if (!MessageReader.TryRead<MetricSample>(message, out var sample, out var reason))
        {
            output.DeadLetter(reason);
            return;
        }
        var problems = MetricSampleValidator.Validate(sample);
        if (problems.Count > 0)
        {
            output.DeadLetter($"invalid: {string.Join("; ", problems)}");
            return;
        }
        var result = _aggregator.Add(sample, time.GetUtcNow());
        if (result.Disposition != SampleDisposition.Accepted)
        {
            output.DeadLetter(result.Reason ?? result.Disposition.ToString().ToLowerInvariant());
            return;
        }
        _held.Hold(message.Partition, sample.Service, sample.Timestamp, message.Offset);
        Emit(result.Closed, output);
    }

    public void Tick(IStageOutput output) => Emit(_aggregator.CloseIdle(time.GetUtcNow()), output);

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
