using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts.Topics;

namespace Pipeline.Runtime.Kafka.Streaming;

/// <summary>
/// Consumes a stage's input topics, hands each record to an <see cref="IStageProcessor"/>, and commits offsets only
/// after every output of the consumed records has been delivered (at least once). Oversized, malformed or rejected
/// records go to <see cref="TopicNames.DeadLetters"/> with their bytes and reason; processor exceptions do too, so bad
/// input never stops the stage. Only a failed delivery is fatal (the stage stops uncommitted and re-reads on restart).
/// </summary>
public sealed partial class ConsumeTransformProduceLoop
{
    private readonly IStageProcessor _processor;
    private readonly IProducer<string?, byte[]> _producer;
    private readonly KafkaOptions _options;
    private readonly TimeProvider _time;
    private readonly StageCounter _counter;
    private readonly ILogger _logger;
    private readonly Dictionary<TopicPartition, long> _pending = [];
    private readonly DeliveryTracker _deliveries = new();
    private long _deliveryFailures;
    private string? _lastDeliveryError;
    private bool _waitingForDeliveries;
    private readonly Action<DeliveryReport<string?, byte[]>> _onDelivered; // one handler for every output, not a closure per message

    public ConsumeTransformProduceLoop(IStageProcessor processor, IProducer<string?, byte[]> producer, KafkaOptions options,
        StageCounters counters, TimeProvider time, ILogger logger)
    {
        _processor = processor;
        _producer = producer;
        _options = options;
        _time = time;
        _counter = counters.For(processor.Stage);
        _logger = logger;
        _onDelivered = report => Delivered(report.Error, report.Topic);
    }

    /// <summary>Longest time processed records wait before their offsets are committed.</summary>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Longest wait for outputs to be delivered before a commit; past it (the broker may be unreachable) nothing is
    /// committed and the loop polls on, trying again at the next commit. librdkafka keeps retrying the outputs; one that
    /// finally fails (<c>message.timeout.ms</c>, 5 min) stops the stage uncommitted, and the restart re-reads.
    /// </summary>
    public TimeSpan FlushTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait for outputs at shutdown; past it the stage exits without committing (they are re-read on restart).</summary>
    public TimeSpan ShutdownFlushTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Processing time between <see cref="IStageProcessor.Tick"/> calls.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Runs until <paramref name="stoppingToken"/> is cancelled; blocks the calling thread.</summary>
    public void Run(CancellationToken stoppingToken)
    {
        var config = KafkaClientConfigs.Consumer(_options, _processor.Stage, $"pipeline-{_processor.Stage}");
        if (_processor.CoPartitioned) config.PartitionAssignmentStrategy = PartitionAssignmentStrategy.Range;
        using var consumer = new ConsumerBuilder<string?, byte[]>(config)
            .SetKeyDeserializer(Deserializers.Utf8)
            .SetValueDeserializer(Deserializers.ByteArray)
            .SetErrorHandler((_, e) =>
            {
                if (e.Code == ErrorCode.Local_AllBrokersDown) _brokersDown = true;
                Log.ConsumerError(_logger, _processor.Stage, e.Reason);
            })
            .SetLogHandler((_, m) => { if (m.Level <= SyslogLevel.Warning) Log.ClientLog(_logger, _processor.Stage, m.Message); })
            .SetPartitionsAssignedHandler(Assigned)
            .SetPartitionsRevokedHandler((c, revoked) => Revoked(c, revoked, lost: false))
            .SetPartitionsLostHandler((c, lost) => Revoked(c, lost, lost: true))
            .Build();
        consumer.Subscribe(_processor.InputTopics);
        Log.Started(_logger, _processor.Stage, string.Join(',', _processor.InputTopics), config.GroupId);
        var sinceCommit = Stopwatch.StartNew();
        var sinceTick = Stopwatch.StartNew();
        var uncommitted = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                ApplyBackpressure(consumer);
                var record = consumer.Consume(TimeSpan.FromMilliseconds(50));
                _counter.MarkPolled(_time.GetUtcNow());
                if (record is { IsPartitionEOF: false, Message: not null })
                {
                    PauseNewlyAssigned(consumer);
                    Handle(record);
                    _pending[record.TopicPartition] = record.Offset.Value + 1;
                    uncommitted++;
                }
                if (sinceTick.Elapsed >= TickInterval)
                {
                    sinceTick.Restart();
                    if (_brokersDown) ProbeBrokers(consumer);
                    Tick();
                    _counter.SetLag(Lag(consumer));
                    // Held offsets may have moved (e.g. idle windows closed): commit them too.
                    CommitPending(consumer, null);
                    uncommitted = 0;
                }
                if (uncommitted > 0 && (record is null || uncommitted >= _processor.CommitEveryRecords || sinceCommit.Elapsed >= CommitInterval))
                {
                    CommitPending(consumer, null);
                    uncommitted = 0;
                    sinceCommit.Restart();
                }
            }
        }
        finally
        {
            try
            {
                if (Interlocked.Read(ref _deliveryFailures) == 0) CommitPending(consumer, null, ShutdownFlushTimeout);
            }
            catch (KafkaException e)
            {
                Log.CommitFailed(_logger, _processor.Stage, e.Error.Reason);
            }
            consumer.Close();
            Log.Stopped(_logger, _processor.Stage, _counter.Consumed, _counter.Published, _counter.DeadLettered);
        }
    }

    private void Tick()
    {
        // With every broker unreachable no input can arrive: the processor's periodic work would take the silence for
        // idle services (and close their windows early); it waits until a record comes again.
        if (TicksHeld) return;
        try
        {
            _processor.Tick(new Output(this, null));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.TickFailed(_logger, _processor.Stage, e);
        }
    }

    private void Handle(ConsumeResult<string?, byte[]> record)
    {
        _counter.AddConsumed(record.Topic);
        var started = Stopwatch.GetTimestamp();
        var timestamp = new DateTimeOffset(record.Message.Timestamp.UtcDateTime, TimeSpan.Zero);
        var input = new InputMessage(record.Topic, record.Partition.Value, record.Offset.Value, record.Message.Key,
            record.Message.Value ?? [], timestamp)
        {
            Origin = OriginHeader.Read(record.Message.Headers) ?? timestamp,
        };
        var output = new Output(this, input);
        if (RecordGuard.Rejection(input, _options.LimitFor(input.Topic)) is { } rejection)
        {
            output.DeadLetter(rejection);
            return;
        }
        try
        {
            _processor.Process(input, output);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.ProcessFailed(_logger, _processor.Stage, input.Topic, input.Partition, input.Offset, e);
            output.DeadLetter($"processing failed: {e.GetType().Name}: {e.Message}");
        }
        _counter.AddProcessed(Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Messages between the position and the cached high watermark over the assigned partitions (null when unknown).</summary>
    private static long? Lag(IConsumer<string?, byte[]> consumer)
    {
        long? lag = null;
        foreach (var partition in consumer.Assignment)
        {
            var high = consumer.GetWatermarkOffsets(partition).High;
            var position = consumer.Position(partition);
            if (high == Offset.Unset || position == Offset.Unset) continue;
            lag = (lag ?? 0) + Math.Max(0, high.Value - position.Value);
        }
        return lag;
    }

    private void Produce(string topic, string? key, byte[] value, DateTimeOffset? origin)
    {
        var headers = origin is { } o ? new Headers { { OriginHeader.Name, OriginHeader.Encode(o) } } : null;
        _deliveries.Sent();
        try
        {
            _producer.Produce(topic, new Message<string?, byte[]> { Key = key, Value = value, Headers = headers }, _onDelivered);
        }
        catch
        {
            _deliveries.Acknowledged();
            throw;
        }
    }

    private void Delivered(Error error, string topic)
    {
        try
        {
            if (error.IsError)
            {
                Interlocked.Increment(ref _deliveryFailures);
                _lastDeliveryError = $"{topic}: {error.Reason}";
                _counter.MarkFatal($"output not delivered ({_lastDeliveryError})");
            }
        }
        finally
        {
            _deliveries.Acknowledged();
        }
    }

    private void CommitPending(IConsumer<string?, byte[]> consumer, HashSet<TopicPartition>? only) =>
        CommitPending(consumer, only, FlushTimeout);

    private void CommitPending(IConsumer<string?, byte[]> consumer, HashSet<TopicPartition>? only, TimeSpan flushTimeout)
    {
        if (_pending.Count == 0) return;
        // Wait for this stage's own outputs only: the producer is shared, and Flush would wait for every stage's.
        if (!_deliveries.WaitAll(flushTimeout))
        {
            if (!_waitingForDeliveries) Log.DeliveriesPending(_logger, _processor.Stage, _deliveries.Outstanding, flushTimeout.TotalSeconds);
            _waitingForDeliveries = true;
            return;
        }
        _waitingForDeliveries = false;
        if (Interlocked.Read(ref _deliveryFailures) > 0)
            throw new KafkaException(new Error(ErrorCode.Local_Fail, $"stage {_processor.Stage}: output not delivered ({_lastDeliveryError}); offsets left uncommitted"));
        var offsets = new List<TopicPartitionOffset>();
        foreach (var (partition, next) in _pending)
        {
            if (only is not null && !only.Contains(partition)) continue;
            var held = _processor.HeldOffset(partition);
            offsets.Add(new TopicPartitionOffset(partition, new Offset(held is { } h ? Math.Min(h, next) : next)));
        }
        if (offsets.Count == 0) return;
        // Side effects not finished (e.g. InfluxDB down): commit nothing; the offsets stay pending for a later try.
        if (!_processor.BeforeCommit()) return;
        try
        {
            consumer.Commit(offsets);
        }
        catch (KafkaException e)
        {
            Log.CommitFailed(_logger, _processor.Stage, e.Error.Reason);
        }
        foreach (var o in offsets)
        {
            if (only is not null || o.Offset.Value == _pending[o.TopicPartition]) _pending.Remove(o.TopicPartition);
        }
    }
}
