using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Cli.Hosting;
using Pipeline.Runtime.Kafka.Hosting;
using Pipeline.Sink.Health;
using Pipeline.Sink.Influx;
using Pipeline.Sink.Service;
using Pipeline.Runtime.Observability;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline sink</c>: writes every topic into InfluxDB.</summary>
internal static class SinkCommand
{
    /// <summary>Environment variable naming the InfluxDB URL when <c>--influx</c> is absent.</summary>
    public const string InfluxUrlVariable = "INFLUX_URL";

    public static Command Create()
    {
        var kafka = new KafkaCommandOptions();
        var metrics = new MetricsCommandOptions("sink");
        var influx = new Option<string?>("--influx") { Description = $"InfluxDB 1.x URL (else ${InfluxUrlVariable}, else http://localhost:8086)." };
        var database = new Option<string>("--database") { Description = "InfluxDB database (created if missing).", DefaultValueFactory = _ => "pipeline" };
        var credentials = new InfluxCredentialOptions();
        var command = new Command("sink", "Write every pipeline topic into InfluxDB as line protocol.");
        kafka.AddTo(command);
        metrics.AddTo(command);
        command.Options.Add(influx);
        command.Options.Add(database);
        credentials.AddTo(command);
        command.SetAction((result, cancellationToken) => StartupErrors.Guard(async () =>
        {
            var options = kafka.Resolve(result, out var resolved);
            var metricsOptions = metrics.Resolve(result);
            var writerOptions = credentials.Apply(result, WriterOptions(result.GetValue(influx), result.GetValue(database)!));
            Console.WriteLine($"sink: InfluxDB {writerOptions.Endpoint} database {writerOptions.Database} (credentials: {InfluxAuth.Describe(writerOptions)}), Kafka at {resolved.Servers} (from {resolved.Source})");
            return await StageHost.RunAsync(options, services =>
            {
                AddSink(services, writerOptions);
                services.AddStageObservability(metricsOptions);
            }, cancellationToken);
        }));
        return command;
    }

    /// <summary>
    /// Writer options for <paramref name="url"/>, falling back to <c>$INFLUX_URL</c> and then localhost, with credentials
    /// from the environment (<see cref="InfluxCredentialOptions"/>).
    /// </summary>
    public static InfluxWriterOptions WriterOptions(string? url, string database) => new InfluxCredentialOptions().Apply(null, new()
    {
        Url = new Uri(!string.IsNullOrWhiteSpace(url) ? url
            : Environment.GetEnvironmentVariable(InfluxUrlVariable) is { Length: > 0 } env ? env
            : "http://localhost:8086"),
        Database = database,
    });

    /// <summary>Registers the sink stage, its writer (database ensured at start) and the health points.</summary>
    public static void AddSink(IServiceCollection services, InfluxWriterOptions writerOptions)
    {
        services.AddSingleton(sp =>
        {
            var writer = new InfluxWriter(writerOptions, time: sp.GetRequiredService<TimeProvider>(),
                logger: sp.GetRequiredService<ILogger<InfluxWriter>>());
            try
            {
                var logger = sp.GetRequiredService<ILogger<InfluxWriter>>();
                if (writerOptions.Organization is { Length: > 0 } org)
                    logger.LogInformation("InfluxDB at {Endpoint}: writing to bucket {Bucket} of organization {Org} through /api/v2/write (the bucket must exist)",
                        writerOptions.Endpoint, writerOptions.Database, org);
                else if (!writer.EnsureDatabaseAsync().GetAwaiter().GetResult())
                    logger.LogWarning(
                        "InfluxDB at {Endpoint} refused CREATE DATABASE {Database} (the user is not an admin); writing on the assumption that it exists",
                        writerOptions.Endpoint, writerOptions.Database);
            }
            catch (HttpRequestException e)
            {
                throw new HttpRequestException($"InfluxDB at {writerOptions.Endpoint} did not answer CREATE DATABASE: {e.Message}", e);
            }
            return writer;
        });
        services.AddSingleton<TopicCounters>();
        services.AddStage<SinkProcessor>();
        services.AddHostedService<SinkHealthService>();
    }
}
