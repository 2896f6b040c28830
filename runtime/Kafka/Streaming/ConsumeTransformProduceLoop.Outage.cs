using Confluent.Kafka;

namespace Pipeline.Runtime.Kafka.Streaming;

public sealed partial class ConsumeTransformProduceLoop
{
    /// <summary>Set when the consumer reports every broker down; cleared by the next record or a broker answering again.</summary>
    private volatile bool _brokersDown;

    /// <summary>Clears the brokers-down state once a broker answers a watermark query for an assigned partition again.</summary>
    private void ProbeBrokers(IConsumer<string?, byte[]> consumer)
    {
        var partition = consumer.Assignment.FirstOrDefault();
        if (partition is null) return;
        try
        {
            consumer.QueryWatermarkOffsets(partition, TimeSpan.FromMilliseconds(500));
            _brokersDown = false;
        }
        catch (KafkaException)
        {
        }
    }
}
