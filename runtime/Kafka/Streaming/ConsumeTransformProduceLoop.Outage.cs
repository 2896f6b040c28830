using Confluent.Kafka;

namespace Pipeline.Runtime.Kafka.Streaming;

public sealed partial class ConsumeTransformProduceLoop
{
    /// <summary>
    /// Set when the consumer reports every broker down; cleared only by a broker answering again (a watermark query for
    /// an assigned partition, or a new assignment, which needs the group coordinator). A record does not clear it: the
    /// consumer keeps handing out records it fetched before the outage, and taking those for the end of the outage let
    /// periodic work count the outage as idle time.
    /// </summary>
    private volatile bool _brokersDown;

    /// <summary>After an outage, periodic work waits until this time, whether records arrive or not (see <see cref="ResumeGrace"/>).</summary>
    private long _ticksHeldUntil;

    /// <summary>
    /// How long periodic work waits once the brokers answer again after an outage. The first records then are often the
    /// stage's own re-read, while the sources' producers come back after their reconnect backoff (librdkafka's: up to
    /// 10 s, plus up to 50% jitter); their silence until then is the outage, not idle services. Default 30 s.
    /// </summary>
    public TimeSpan ResumeGrace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>True while every broker is down, and for <see cref="ResumeGrace"/> after they answer again.</summary>
    private bool TicksHeld => _brokersDown || System.Diagnostics.Stopwatch.GetTimestamp() < Interlocked.Read(ref _ticksHeldUntil);

    /// <summary>Clears the brokers-down state once a broker answers a watermark query for an assigned partition again.</summary>
    private void ProbeBrokers(IConsumer<string?, byte[]> consumer)
    {
        var partition = consumer.Assignment.FirstOrDefault();
        if (partition is null) return; // lost with the session: the next assignment says the brokers are back
        try
        {
            consumer.QueryWatermarkOffsets(partition, TimeSpan.FromMilliseconds(500));
            BrokersAnswered();
        }
        catch (KafkaException)
        {
        }
    }

    /// <summary>A broker answered: the outage is over; periodic work resumes after <see cref="ResumeGrace"/>.</summary>
    private void BrokersAnswered()
    {
        if (!_brokersDown) return;
        Interlocked.Exchange(ref _ticksHeldUntil, System.Diagnostics.Stopwatch.GetTimestamp() + (long)(ResumeGrace.TotalSeconds * System.Diagnostics.Stopwatch.Frequency));
        _brokersDown = false;
    }
}
