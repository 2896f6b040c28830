using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Ingest.Push;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Runtime.Observability;

namespace Pipeline.Cli.Hosting;

/// <summary><c>pipeline ingest --source http</c>: the HTTP push source as a stage process.</summary>
internal static class PushIngest
{
    /// <summary>Runs the push source listening on <paramref name="listen"/> (host:port) until stopped; returns the exit code.</summary>
    public static Task<int> RunAsync(KafkaOptions kafka, StageMetricsOptions metrics, string listen, CancellationToken cancellationToken)
    {
        var options = new PushOptions { Prefix = Prefix(listen) };
        Console.WriteLine($"ingest: accepting POST {options.Prefix}samples");
        return StageHost.RunAsync(kafka, services =>
        {
            services.AddStageObservability(metrics);
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton(options);
            services.AddHostedService(sp => new PushIngestService(
                sp.GetRequiredService<Confluent.Kafka.IProducer<string?, byte[]>>(), options, TimeProvider.System,
                sp.GetRequiredService<ILogger<PushIngestService>>(), sp.GetRequiredService<StageCounters>().For("ingest")));
        }, cancellationToken);
    }

    /// <summary>The listener prefix of a host:port address (an address with a scheme is taken as it is).</summary>
    public static string Prefix(string listen)
    {
        var prefix = listen.Contains("://", StringComparison.Ordinal) ? listen : $"http://{listen}";
        return prefix.EndsWith('/') ? prefix : prefix + "/";
    }
}
