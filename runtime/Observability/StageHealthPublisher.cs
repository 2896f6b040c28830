using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.Contracts.Messages;

namespace Pipeline.Runtime.Observability;

/// <summary>
/// Publishes a <see cref="StageHealth"/> snapshot of every stage of the process on <see cref="TopicNames.Health"/> every
/// <see cref="StageMetricsOptions.SnapshotInterval"/> (keyed by stage), and a last one at shutdown, on the process's producer.
/// </summary>
public sealed class StageHealthPublisher(
    IProducer<string?, byte[]> producer, StageCounters counters, StageMetricsOptions options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.SnapshotInterval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(options.SnapshotInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false)) Publish();
        }
        catch (OperationCanceledException)
        {
        }
        Publish();
    }

    /// <summary>Produces the current snapshots (delivery is asynchronous; a failure is not fatal to the stage).</summary>
    public void Publish()
    {
        foreach (var snapshot in StageHealthSnapshots.Take(counters, options.Instance, time.GetUtcNow(), options.StaleAfter))
        {
            var value = JsonSerde<StageHealth>.Instance.Serialize(snapshot, default);
            try
            {
                producer.Produce(TopicNames.Health, new Message<string?, byte[]> { Key = snapshot.Stage, Value = value });
            }
            catch (ProduceException<string?, byte[]>)
            {
                // Queue full or producer closing: the next snapshot carries the same totals.
            }
        }
    }
}
