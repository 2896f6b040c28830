using Microsoft.Extensions.Hosting;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Sink.Health;
using Pipeline.Sink.Influx;

namespace Pipeline.Sink.Service;

/// <summary>Writes the pipeline-health points (stage counters, topic counters, the writer's own counters) every few seconds.</summary>
public sealed class SinkHealthService(InfluxWriter writer, StageCounters stages, TopicCounters topics, TimeProvider time) : BackgroundService
{
    /// <summary>Time between health snapshots.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false)) await WriteAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        await WriteAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await writer.WriteAsync(HealthPoints.Stages(stages, now), cancellationToken).ConfigureAwait(false);
        await writer.WriteAsync(topics.Points(now), cancellationToken).ConfigureAwait(false);
        await writer.WriteAsync(HealthPoints.Writer(writer.Stats, now), cancellationToken).ConfigureAwait(false);
    }
}
