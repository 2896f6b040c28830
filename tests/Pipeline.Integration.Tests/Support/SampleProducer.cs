using Confluent.Kafka;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;

namespace Pipeline.Integration.Tests.Support;

/// <summary>
/// An idempotent producer of metric samples to <see cref="TopicNames.Metrics"/>, keyed by service, counting deliveries
/// and failures. Idempotent because a batch in flight when the brokers go down is otherwise retried after later ones and
/// its samples arrive out of order (dead-lettered as late by the features stage, rightly).
/// </summary>
internal sealed class SampleProducer(string bootstrap, int lingerMs = 5) : IDisposable
{
    private readonly IProducer<string, byte[]> _producer = new ProducerBuilder<string, byte[]>(
        new ProducerConfig { BootstrapServers = bootstrap, Acks = Acks.All, EnableIdempotence = true, LingerMs = lingerMs }).Build();
    private long _delivered;
    private long _failed;

    public long Delivered => Interlocked.Read(ref _delivered);
    public long Failed => Interlocked.Read(ref _failed);

    public void Produce(MetricSample sample) =>
        _producer.Produce(TopicNames.Metrics, new Message<string, byte[]> { Key = sample.Service, Value = JsonSerde<MetricSample>.Instance.Serialize(sample, default) },
            report => Interlocked.Increment(ref report.Error.IsError ? ref _failed : ref _delivered));

    /// <summary>Waits until every sample produced was acknowledged (or failed).</summary>
    public void Flush() => _producer.Flush(TimeSpan.FromSeconds(30));

    public void Dispose() => _producer.Dispose();
}
