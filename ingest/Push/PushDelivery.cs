using Confluent.Kafka;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.Runtime.Kafka.Streaming;

namespace Pipeline.Ingest.Push;

/// <summary>
/// Produces a push request's samples on <see cref="TopicNames.Metrics"/> (keyed by service) and waits until the broker
/// acknowledged every one of them (the pipeline's producer: idempotent, acks from all in-sync replicas). Only then may
/// the request be answered 200: a sample acknowledged to the client is on the topic, whatever happens to this process.
/// </summary>
internal sealed class PushDelivery(IProducer<string?, byte[]> producer, StageCounter? counter)
{
    /// <summary>Null when every sample was delivered within <paramref name="timeout"/>, else why not (the client retries).</summary>
    public async Task<string?> DeliverAsync(IReadOnlyList<MetricSample> samples, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deliveries = new List<Task<DeliveryResult<string?, byte[]>>>(samples.Count);
        foreach (var sample in samples)
        {
            var message = new Message<string?, byte[]> { Key = sample.Service, Value = JsonSerde<MetricSample>.Instance.Serialize(sample, default) };
            deliveries.Add(producer.ProduceAsync(TopicNames.Metrics, message, cancellationToken));
        }
        try
        {
            await Task.WhenAll(deliveries).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (ProduceException<string?, byte[]> e)
        {
            return $"not delivered to {TopicNames.Metrics}: {e.Error.Reason}";
        }
        catch (KafkaException e)
        {
            return $"not delivered to {TopicNames.Metrics}: {e.Error.Reason}";
        }
        catch (TimeoutException)
        {
            return $"not acknowledged by the broker within {timeout.TotalSeconds:0.#} s";
        }
        foreach (var _ in deliveries) counter?.AddPublished(TopicNames.Metrics);
        return null;
    }
}
