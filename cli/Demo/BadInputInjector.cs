using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Pipeline.Contracts.Topics;

namespace Pipeline.Cli.Demo;

/// <summary>
/// Shows the dead-letter path in the demo: every <see cref="Interval"/> of wall time it produces one bad record on the
/// metrics topic (in turn malformed JSON, a negative counter, a NaN utilization), which the features stage must
/// dead-letter with its reason while the pipeline keeps running.
/// </summary>
internal sealed class BadInputInjector(IProducer<string?, byte[]> producer, TimeProvider time) : BackgroundService
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        var n = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var now = time.GetUtcNow().ToString("O");
                var value = (n++ % 3) switch
                {
                    0 => "{\"service\":\"web\",\"replica\":",
                    1 => $$"""{"service":"web","replica":"web-x","timestamp":"{{now}}","requests":-5}""",
                    _ => $$"""{"service":"web","replica":"web-x","timestamp":"{{now}}","utilization":NaN}""",
                };
                producer.Produce(TopicNames.Metrics, new Message<string?, byte[]> { Key = "web", Value = Encoding.UTF8.GetBytes(value) });
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
