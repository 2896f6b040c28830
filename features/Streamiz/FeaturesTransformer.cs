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
    private readonly FeaturesTaskServices? _services;
    private readonly FeatureStep? _step;
    private ProcessorContext<string, StageRecord>? _context;
    private OpenSamples? _open;

    /// <summary>The prototype Streamiz's <c>Transformer&lt;T&gt;(args)</c> creates first; tasks get instances made with the args.</summary>
    public FeaturesTransformer()
    {
    }

    public FeaturesTransformer(FeaturesTaskServices services)
    {
        _services = services;
        _step = new FeatureStep(services.Windowing, services.Services);
    }

    private FeatureStep Step => _step ?? throw new InvalidOperationException("the transformer was created without its services");
    private FeaturesTaskServices Services => _services ?? throw new InvalidOperationException("the transformer was created without its services");

    public void Init(ProcessorContext<string, StageRecord> context)
    {
        _context = context;
        _open = new OpenSamples((IKeyValueStore<string, byte[]>)context.GetStateStore(OpenSamples.StoreName));
        var now = Services.Time.GetUtcNow();
        var restored = _open.Load().Count(sample => Step.Restore(sample, now));
        if (restored > 0) Services.Logger.LogInformation("Task {Task} rebuilt its open windows from {Count} stored samples", context.Id, restored);
        context.Schedule(TimeSpan.FromSeconds(1), PunctuationType.PROCESSING_TIME, _ => Tick());
    }

    public Record<string, StageRecord>? Process(Record<string, byte[]> record)
    {
        var started = Stopwatch.GetTimestamp();
        var input = Input(record);
        Services.Counter.AddConsumed(input.Topic);
        Services.Counter.MarkPolled(Services.Time.GetUtcNow());
        try
        {
            if (RecordGuard.Rejection(input, Services.MaxMessageBytes) is { } guard) DeadLetter(input, guard);
            else Add(input);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Services.Logger.LogWarning(e, "Stage features failed on {Topic}[{Partition}]@{Offset}; dead-lettering it", input.Topic, input.Partition, input.Offset);
            DeadLetter(input, $"processing failed: {e.GetType().Name}: {e.Message}");
        }
        Services.Counter.AddProcessed(Stopwatch.GetElapsedTime(started));
        Services.Positions.Processed(input.Partition, input.Offset);
        return null; // every output is forwarded above
    }

    public void Close()
    {
        if (_context is not null) Services.Positions.Closed(_context.Id.Partition);
        _step?.Drop();
    }

    private void Tick()
    {
        var now = Services.Time.GetUtcNow();
        Services.Counter.MarkPolled(now);
        Emit(Step.CloseIdle(now), null);
    }

    private void Add(InputMessage input)
    {
        var result = Step.Add(input, Services.Time.GetUtcNow());
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
            var value = JsonSerde<FeatureWindow>.Instance.Serialize(window, default);
            if (OutputGuard.Rejection(TopicNames.Features, window.Service, value.Length, Services.MaxOutputBytes) is { } tooLarge)
            {
                var now = Services.Time.GetUtcNow();
                DeadLetter(OutputGuard.AsInput(TopicNames.Features, window.Service, value, now, origin), tooLarge);
                Services.Logger.LogWarning("Stage features did not publish to {Topic}: {Reason}; dead-lettered", TopicNames.Features, tooLarge);
            }
            else
            {
                Forward(window.Service, new StageRecord(TopicNames.Features, value, origin));
                Services.Counter.AddPublished(TopicNames.Features);
            }
            Open.Release(window.Service, window.WindowEnd);
        }
    }

    private void DeadLetter(InputMessage input, string reason)
    {
        var letter = DeadLetterFactory.Create(FeaturesEngines.Stage, input, reason, Services.MaxMessageBytes, Services.Time.GetUtcNow());
        Forward(input.Key, new StageRecord(TopicNames.DeadLetters, JsonSerde<DeadLetter>.Instance.Serialize(letter, default), input.Origin));
        Services.Counter.AddDeadLettered(input.Topic);
        Services.Counter.AddDeadLetterReason(reason);
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
