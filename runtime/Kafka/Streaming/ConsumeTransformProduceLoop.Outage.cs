using Confluent.Kafka;

namespace Pipeline.Runtime.Kafka.Streaming;

public sealed partial class ConsumeTransformProduceLoop
{
    /// <summary>Set when the consumer reports every broker down; cleared by the next record or a broker answering again.</summary>
    private volatile bool _brokersDown;

    /// <summary>After an outage, periodic work waits for the first record until this time (the backlog is on its way).</summary>
    private long _ticksHeldUntil;

    /// <summary>How long periodic work waits for the first record once the brokers answer again after an outage.</summary>
    public TimeSpan ResumeGrace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// True while the processor's periodic work must wait: every broker is down, or they came back but no record has
    /// arrived yet (within <see cref="ResumeGrace"/>). Input silence then means an outage, not idle services.
    /// </summary>
    private bool TicksHeld => _brokersDown || System.Diagnostics.Stopwatch.GetTimestamp() < Interlocked.Read(ref _ticksHeldUntil);

    /// <summary>A record arrived: the brokers are reachable and periodic work may run.</summary>
    private void RecordArrived()
    {
        _brokersDown = false;
        Interlocked.Exchange(ref _ticksHeldUntil, 0);
    }

    /// <summary>Clears the brokers-down state once a broker answers a watermark query for an assigned partition again.</summary>
    private void ProbeBrokers(IConsumer<string?, byte[]> consumer)
    {
        var partition = consumer.Assignment.FirstOrDefault();
        if (partition is null) return;
        try
        {
            consumer.QueryWatermarkOffsets(partition, TimeSpan.FromMilliseconds(500));
            Interlocked.Exchange(ref _ticksHeldUntil, System.Diagnostics.Stopwatch.GetTimestamp() + (long)(ResumeGrace.TotalSeconds * System.Diagnostics.Stopwatch.Frequency));
            _brokersDown = false;
        }
        catch (KafkaException)
        {
        }
    }
}
