using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Cli.Hosting;
using Pipeline.Features.Service;
using Pipeline.Features.Streamiz;
using Pipeline.Features.Windowing;
using Pipeline.Runtime.Observability;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline features</c>: windows metric samples into feature windows.</summary>
internal static class FeaturesCommand
{
    public static Command Create()
    {
        var kafka = new KafkaCommandOptions();
        var metrics = new MetricsCommandOptions("features");
        var window = DurationParser.Option("--window", TimeSpan.FromSeconds(15), "Tumbling window size (event time)");
        var grace = DurationParser.Option("--grace", TimeSpan.FromSeconds(5), "How late a sample may be and still count");
        // On by default: far beyond clock skew, far below what would freeze a service's windows for long. Off for an
        // ingest --speed > 1 in another process, whose clock runs ahead of the wall clock.
        var maxAhead = BoundOption.Create("--max-ahead", TimeSpan.FromMinutes(5),
            "Dead-letter samples stamped more than this ahead of their arrival (off for an ingest --speed > 1 in another process)");
        var maxServices = new Option<int>("--max-services") { Description = "Most services with state at once; samples of more are dead-lettered (limit)", DefaultValueFactory = _ => 10_000 };
        var maxReplicas = new Option<int>("--max-replicas") { Description = "Most replicas in one window of a service; samples of more are dead-lettered (limit)", DefaultValueFactory = _ => 1_000 };
        var evict = DurationParser.Option("--evict-idle-after", TimeSpan.FromHours(1), "Forget a service without open windows after this long without a sample (0: never)");
        var engine = FeaturesEngineOption.Create();
        var stateDir = new Option<string?>("--state-dir") { Description = "Streamiz engine: directory of the open-window store (default .pipeline/streamiz)." };
        var command = new Command("features", "Consume metric samples, publish event-time feature windows; late/invalid samples to the dead-letter topic.");
        kafka.AddTo(command);
        metrics.AddTo(command);
        command.Options.Add(window);
        command.Options.Add(grace);
        command.Options.Add(maxAhead);
        command.Options.Add(maxServices);
        command.Options.Add(maxReplicas);
        command.Options.Add(evict);
        command.Options.Add(engine);
        command.Options.Add(stateDir);
        command.SetAction((result, cancellationToken) => StartupErrors.Guard(() =>
        {
            var options = kafka.Resolve(result, out var resolved);
            var metricsOptions = metrics.Resolve(result);
            var windowing = new WindowingOptions
            {
                WindowSize = result.GetValue(window), Grace = result.GetValue(grace), MaxAheadOfArrival = BoundOption.Value(result, maxAhead),
                MaxServices = result.GetValue(maxServices), MaxReplicasPerWindow = result.GetValue(maxReplicas), EvictIdleAfter = result.GetValue(evict),
            };
            windowing.Validate();
            var engineName = result.GetValue(engine) ?? FeaturesEngines.Default;
            Console.WriteLine($"features: {windowing.WindowSize.TotalSeconds}s windows, {windowing.Grace.TotalSeconds}s grace, "
                + $"{(windowing.MaxAheadOfArrival is { } ahead ? $"samples over {ahead.TotalSeconds}s ahead dead-lettered" : "no bound on future timestamps")}, at most {windowing.MaxServices} services and {windowing.MaxReplicasPerWindow} replicas a window, engine {engineName}, Kafka at {resolved.Servers} (from {resolved.Source})");
            return StageHost.RunAsync(options, services =>
            {
                services.AddStageObservability(metricsOptions);
                services.AddSingleton(windowing);
                services.AddFeaturesStage(engineName, new StreamizOptions { StateDir = result.GetValue(stateDir) });
            }, cancellationToken);
        }));
        return command;
    }
}
