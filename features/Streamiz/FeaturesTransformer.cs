using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.Features.Service;
using Pipeline.Features.Windowing;
using Pipeline.Runtime.Kafka.Streaming;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.State;

namespace Pipeline.Features.Streamiz;

/// <summary>
/// The features stage inside a Streamiz task (one instance per input partition): each record goes through
/// <see cref="FeatureStep"/>; rejected records become dead letters, closed windows feature windows, both forwarded as
/// <see cref="StageRecord"/>s; accepted samples wait in <see cref="OpenSamples"/> until their window is emitted.
/// A wall-clock punctuation closes idle services' windows once a second, as the loop's tick does.
/// </summary>
internal sealed class FeaturesTransformer : ITransformer<string, byte[], string, StageRecord>
{
    private readonly FeatureStep _step;
    private readonly TimeProvider time;
    private readonly StageCounter counter;
    private readonly int maxMessageBytes;
    private readonly ILogger logger;
    private ProcessorContext<string, StageRecord>? _context;
    private OpenSamples? _open;

    /// <summary>Streamiz's <c>Transformer&lt;T&gt;()</c> needs a parameterless constructor; it is never used for processing.</summary>
    public FeaturesTransformer() => throw new InvalidOperationException("create it with its dependencies");

    public FeaturesTransformer(FeaturesTaskServices services)
    {
        _step = new FeatureStep(services.Windowing);
        time = services.Time;
        counter = services.Counter;
        maxMessageBytes = services.MaxMessageBytes;
        logger = services.Logger;
    }

    public void Init(ProcessorContext<string, StageRecord> context)
    {
        _context = context;
        _open = new OpenSamples((IKeyValueStore<string, byte[]>)context.GetStateStore(OpenSamples.StoreName));
        var now = time.GetUtcNow();
        var restored = _open.Load().Count(sample => _step.Restore(sample, now));
        if (restored > 0) logger.LogInformation("Task {Task} rebuilt its open windows from {Count} stored samples", context.Id, restored);
        context.Schedule(TimeSpan.FromSeconds(1), PunctuationType.PROCESSING_TIME, _ => Emit(_step.CloseIdle(time.GetUtcNow()), null));
    }

    public Record<string, StageRecord>? Process(Record<string, byte[]> record)
    {
        var started = Stopwatch.GetTimestamp();
        var input = Input(record);
        counter.AddConsumed(input.Topic);
        counter.MarkPolled(time.GetUtcNow());
        try
        {
            if (RecordGuard.Rejection(input, maxMessageBytes) is { } guard) DeadLetter(input, guard);
            else Add(input);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Stage features failed on {Topic}[{Partition}]@{Offset}; dead-lettering it", input.Topic, input.Partition, input.Offset);
            DeadLetter(input, $"processing failed: {e.GetType().Name}: {e.Message}");
        }
        counter.AddProcessed(Stopwatch.GetElapsedTime(started));
        return null; // every output is forwarded above
    }

    public void Close()
    {
    }

    private void Add(InputMessage input)
    {
        var result = _step.Add(input, time.GetUtcNow());
        if (result.Accepted is not { } sample)
        {
            DeadLetter(input, result.Rejection ?? "rejected");
            return;
        }
        Open.Hold(sample);
        Emit(result.Closed, input.Origin);
    }

    private void Emit(IReadOnlyList<FeatureWindow> windows, DateTimeOffset? origin)
    {
        foreach (var window in windows)
        {
            Forward(window.Service, new StageRecord(TopicNames.Features, JsonSerde<FeatureWindow>.Instance.Serialize(window, default), origin));
            counter.AddPublished(TopicNames.Features);
            Open.Release(window.Service, window.WindowEnd);
        }
    }

    private void DeadLetter(InputMessage input, string reason)
    {
        var letter = DeadLetterFactory.Create(FeaturesEngines.Stage, input, reason, maxMessageBytes, time.GetUtcNow());
        Forward(input.Key, new StageRecord(TopicNames.DeadLetters, JsonSerde<DeadLetter>.Instance.Serialize(letter, default), input.Origin));
        counter.AddDeadLettered(input.Topic);
    }

    private void Forward(string? key, StageRecord output) =>
        (_context ?? throw new InvalidOperationException("the transformer is not initialized")).Forward(key!, output);

    private OpenSamples Open => _open ?? throw new InvalidOperationException("the transformer is not initialized");

    private static InputMessage Input(Record<string, byte[]> record)
    {
        var timestamp = DateTimeOffset.FromUnixTimeMilliseconds(record.Timestamp.UnixTimestampMs);
        var tpo = record.TopicPartitionOffset;
        return new InputMessage(tpo.Topic, tpo.Partition.Value, tpo.Offset.Value, record.Key, record.Value ?? [], timestamp)
        {
            Origin = OriginHeader.Read(record.Headers) ?? timestamp,
        };
    }
}
