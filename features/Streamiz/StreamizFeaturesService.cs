using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts.Topics;
using Pipeline.Features.Service;
using Pipeline.Features.Windowing;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Streaming;
using Streamiz.Kafka.Net;

namespace Pipeline.Features.Streamiz;

/// <summary>
/// Runs the features stage as a Streamiz.Kafka.Net topology (<see cref="FeaturesTopology"/>). A stream that enters the
/// ERROR state (e.g. an output not delivered) marks the stage failed and stops the host (exit code 1), uncommitted.
/// </summary>
public sealed class StreamizFeaturesService(
    WindowingOptions windowing,
    StreamizOptions options,
    KafkaOptions kafka,
    StageCounters counters,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggers) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var logger = loggers.CreateLogger($"Pipeline.Stage.{FeaturesEngines.Stage}");
        var counter = counters.For(FeaturesEngines.Stage);
        var changelog = options.Changelog ?? await ChangelogProbe.CanCreateTopicsAsync(kafka);
        using var logs = StreamizLogging.Instance.Attach(loggers);
        var config = StreamizConfig.Create(kafka, options, FeaturesEngines.Stage);
        var services = new FeaturesTaskServices(windowing, time, counter, kafka.MaxMessageBytes, logger)
        {
            MaxOutputBytes = kafka.LimitFor(TopicNames.Features),
        };
        var stream = new KafkaStream(FeaturesTopology.Build(services, changelog), config);
        stream.StateChanged += (_, state) =>
        {
            if (state != KafkaStream.State.ERROR) return;
            counter.MarkFatal("stopped: the Streamiz stream entered the ERROR state");
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        };
        logger.LogInformation("Stage features on Streamiz as {Application}, state in {StateDir}, changelog {Changelog}",
            config.ApplicationId, config.StateDir, changelog ? "on" : "off (the broker cannot create topics)");
        try
        {
            // Not given the stopping token: Streamiz would dispose the stream from the token's callback as well.
            await stream.StartAsync();
            await LagReporter.RunAsync(kafka, services.Positions, counter, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            stream.Dispose(); // closes the stream thread: a last commit after flushing its producer
            logger.LogInformation("Stage features stopped: consumed {Consumed}, published {Published}, dead-lettered {DeadLettered}",
                counter.Consumed, counter.Published, counter.DeadLettered);
        }
    }
}
