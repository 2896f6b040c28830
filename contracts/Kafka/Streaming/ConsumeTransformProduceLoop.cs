using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;

namespace Pipeline.Contracts.Kafka.Streaming;

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
    private long _deliveryFailures;
    private string? _lastDeliveryError;

    public ConsumeTransformProduceLoop(IStageProcessor processor, IProducer<string?, byte[]> producer, KafkaOptions options,
        StageCounters counters, TimeProvider time, ILogger logger)
    {
        _processor = processor;
        _producer = producer;
        _options = options;
        _time = time;
        _counter = counters.For(processor.Stage);
        _logger = logger;
    }

    /// <summary>Longest time processed records wait before their offsets are committed.</summary>
    public TimeSpan CommitInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest wait for outputs to be delivered before a commit; past it the stage stops uncommitted.</summary>
    public TimeSpan FlushTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for outputs at shutdown; past it the stage exits without committing (they are re-read on restart).</summary>
    public TimeSpan ShutdownFlushTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Processing time between <see cref="IStageProcessor.Tick"/> calls.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Runs until <paramref name="stoppingToken"/> is cancelled; blocks the calling thread.</summary>
    public void Run(CancellationToken stoppingToken)
    {
        var config = KafkaClientConfigs.Consumer(_options, _processor.Stage, $"pipeline-{_processor.Stage}");
        using var consumer = new ConsumerBuilder<string?, byte[]>(config)
            .SetKeyDeserializer(Deserializers.Utf8)
            .SetValueDeserializer(Deserializers.ByteArray)
            .SetErrorHandler((_, e) => Log.ConsumerError(_logger, _processor.Stage, e.Reason))
            .SetLogHandler((_, m) => { if (m.Level <= SyslogLevel.Warning) Log.ClientLog(_logger, _processor.Stage, m.Message); })
            .SetPartitionsRevokedHandler((c, revoked) => CommitPending(c, revoked.Select(p => p.TopicPartition).ToHashSet()))
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
                var record = consumer.Consume(TimeSpan.FromMilliseconds(50));
                if (record is { IsPartitionEOF: false, Message: not null })
                {
                    Handle(record);
                    _pending[record.TopicPartition] = record.Offset.Value + 1;
                    uncommitted++;
                }
                if (sinceTick.Elapsed >= TickInterval)
                {
                    sinceTick.Restart();
                    Tick();
                }
                if (uncommitted > 0 && (record is null || uncommitted >= 1000 || sinceCommit.Elapsed >= CommitInterval))
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
        _counter.AddConsumed();
        var timestamp = new DateTimeOffset(record.Message.Timestamp.UtcDateTime, TimeSpan.Zero);
        var input = new InputMessage(record.Topic, record.Partition.Value, record.Offset.Value, record.Message.Key,
            record.Message.Value ?? [], timestamp)
        {
            Origin = OriginHeader.Read(record.Message.Headers) ?? timestamp,
        };
        var output = new Output(this, input);
        if (input.Value.Length == 0)
        {
            output.DeadLetter("empty: the record has no value");
            return;
        }
        if (input.Value.Length > _options.MaxMessageBytes)
        {
            output.DeadLetter($"oversized: {input.Value.Length} bytes exceeds the limit of {_options.MaxMessageBytes} bytes");
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
    }

    private void Produce(string topic, string? key, byte[] value, DateTimeOffset? origin)
    {
        var headers = origin is { } o ? new Headers { { OriginHeader.Name, OriginHeader.Encode(o) } } : null;
        _producer.Produce(topic, new Message<string?, byte[]> { Key = key, Value = value, Headers = headers }, report =>
        {
            if (report.Error.IsError)
            {
                Interlocked.Increment(ref _deliveryFailures);
                _lastDeliveryError = $"{report.Topic}: {report.Error.Reason}";
            }
        });
    }

    private void CommitPending(IConsumer<string?, byte[]> consumer, HashSet<TopicPartition>? only) =>
        CommitPending(consumer, only, FlushTimeout);

    private void CommitPending(IConsumer<string?, byte[]> consumer, HashSet<TopicPartition>? only, TimeSpan flushTimeout)
    {
        if (_pending.Count == 0) return;
        if (_producer.Flush(flushTimeout) > 0)
            throw new KafkaException(new Error(ErrorCode.Local_TimedOut, $"stage {_processor.Stage}: outputs not delivered within {flushTimeout.TotalSeconds:0} s; offsets left uncommitted"));
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
        _processor.BeforeCommit();
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

    private sealed class Output(ConsumeTransformProduceLoop loop, InputMessage? input) : IStageOutput
    {
        private bool _deadLettered;

        public void Publish<T>(string topic, string key, T message)
        {
            loop.Produce(topic, key, JsonSerde<T>.Instance.Serialize(message, default), input?.Origin);
            loop._counter.AddPublished();
        }

        public void DeadLetter(string reason)
        {
            if (input is null) throw new InvalidOperationException("DeadLetter needs a message being processed; Tick has none.");
            if (_deadLettered) return;
            _deadLettered = true;
            if (input.Topic == TopicNames.DeadLetters)
            {
                // Re-dead-lettering a dead letter could loop forever; it stays where it is, in the dead-letter topic.
                loop._counter.AddDeadLettered();
                Log.DeadLetterUnprocessable(loop._logger, loop._processor.Stage, input.Partition, input.Offset, reason);
                return;
            }
            var original = input.Value;
            var keep = Math.Max(1024, loop._options.MaxMessageBytes / 4);
            if (original.Length > keep)
            {
                reason = $"{reason} (original bytes truncated to the first {keep} of {original.Length})";
                original = original[..keep];
            }
            var letter = new DeadLetter
            {
                Stage = loop._processor.Stage,
                SourceTopic = input.Topic,
                Partition = input.Partition,
                Offset = input.Offset,
                Key = input.Key,
                Reason = reason,
                OriginalBytes = original,
                Timestamp = loop._time.GetUtcNow(),
            };
            loop.Produce(TopicNames.DeadLetters, input.Key, JsonSerde<DeadLetter>.Instance.Serialize(letter, default), input.Origin);
            loop._counter.AddDeadLettered();
            Log.DeadLettered(loop._logger, loop._processor.Stage, input.Topic, input.Offset, reason);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Stage {Stage} consuming {Topics} as group {Group}")]
        public static partial void Started(ILogger logger, string stage, string topics, string? group);

        [LoggerMessage(2, LogLevel.Information, "Stage {Stage} stopped: consumed {Consumed}, published {Published}, dead-lettered {DeadLettered}")]
        public static partial void Stopped(ILogger logger, string stage, long consumed, long published, long deadLettered);

        [LoggerMessage(3, LogLevel.Warning, "Stage {Stage} consumer error: {Reason}")]
        public static partial void ConsumerError(ILogger logger, string stage, string reason);

        [LoggerMessage(4, LogLevel.Debug, "Stage {Stage} librdkafka: {Message}")]
        public static partial void ClientLog(ILogger logger, string stage, string message);

        [LoggerMessage(5, LogLevel.Warning, "Stage {Stage} failed on {Topic}[{Partition}]@{Offset}; dead-lettering it")]
        public static partial void ProcessFailed(ILogger logger, string stage, string topic, int partition, long offset, Exception exception);

        [LoggerMessage(6, LogLevel.Warning, "Stage {Stage} commit failed: {Reason}")]
        public static partial void CommitFailed(ILogger logger, string stage, string reason);

        [LoggerMessage(8, LogLevel.Warning, "Stage {Stage} periodic work failed")]
        public static partial void TickFailed(ILogger logger, string stage, Exception exception);

        [LoggerMessage(9, LogLevel.Warning, "Stage {Stage} cannot process dead letter {Partition}@{Offset} ({Reason}); it stays in the dead-letter topic")]
        public static partial void DeadLetterUnprocessable(ILogger logger, string stage, int partition, long offset, string reason);

        [LoggerMessage(7, LogLevel.Debug, "Stage {Stage} dead-lettered {Topic}@{Offset}: {Reason}")]
        public static partial void DeadLettered(ILogger logger, string stage, string topic, long offset, string reason);
    }
}
