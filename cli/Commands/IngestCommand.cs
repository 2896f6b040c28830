using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Cli.Hosting;
using Pipeline.Ingest.Host;
using Pipeline.Ingest.Publishing;
using Pipeline.Ingest.Simulation;
using Pipeline.Ingest.Sources;
using Pipeline.Ingest.Sources.Prometheus;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Runtime.Observability;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline ingest</c>: publishes metric samples from one source to the metrics topic.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var kafka = new KafkaCommandOptions();
        var metrics = new MetricsCommandOptions("ingest");
        var source = new Option<string>("--source") { Description = $"Metric source: {string.Join(", ", MetricSources.Names)}.", DefaultValueFactory = _ => MetricSourceNames.Simulator };
        var interval = DurationParser.Option("--interval", TimeSpan.FromSeconds(1), "Collection interval (virtual time for the simulator)");
        var speed = new Option<double>("--speed") { Description = "Simulator only: virtual seconds per wall second.", DefaultValueFactory = _ => 1 };
        var trace = new Option<string?>("--trace") { Description = "Simulator only: replay this trace CSV (timestamp,requests) instead of the synthetic load." };
        var seed = new Option<long>("--seed") { Description = "Simulator only: random seed.", DefaultValueFactory = _ => 1 };
        var service = new Option<string>("--service") { Description = "Host and prometheus: service id the samples are reported under (default host).", DefaultValueFactory = _ => "host" };
        var listen = new Option<string>("--listen") { Description = "Http only: address to accept POST /samples on (host:port).", DefaultValueFactory = _ => "127.0.0.1:9470" };
        var prometheus = new PrometheusCommandOptions();
        var command = new Command("ingest", "Publish metric samples (simulated cluster, this host, replicas' Prometheus metrics, or pushed over HTTP) to the metrics topic.");
        kafka.AddTo(command);
        metrics.AddTo(command);
        command.Options.Add(source);
        command.Options.Add(interval);
        command.Options.Add(speed);
        command.Options.Add(trace);
        command.Options.Add(seed);
        command.Options.Add(service);
        command.Options.Add(listen);
        prometheus.AddTo(command);
        command.SetAction((result, cancellationToken) => StartupErrors.Guard(() =>
        {
            var name = MetricSources.Validate(result.GetValue(source)!);
            var options = kafka.Resolve(result, out var resolved);
            var metricsOptions = metrics.Resolve(result);
            var simulated = name == MetricSourceNames.Simulator;
            var prometheusOptions = prometheus.Resolve(result, result.GetValue(service)!);
            if (name == MetricSourceNames.Prometheus) PrometheusSourceFactory.Validate(prometheusOptions);
            var time = simulated && result.GetValue(speed) != 1
                ? new ScaledTimeProvider(DateTimeOffset.UtcNow, result.GetValue(speed))
                : TimeProvider.System;
            var tick = result.GetValue(interval) / (simulated ? result.GetValue(speed) : 1);
            Console.WriteLine($"ingest: source {name}, Kafka at {resolved.Servers} (from {resolved.Source})");
            if (name == MetricSourceNames.Http) return PushIngest.RunAsync(options, metricsOptions, result.GetValue(listen)!, cancellationToken);
            return StageHost.RunAsync(options, services =>
            {
                services.AddStageObservability(metricsOptions);
                services.AddSingleton(time);
                services.AddSingleton(new PublisherOptions { Source = name, TickInterval = tick });
                services.AddSingleton(new HostMetricOptions { Service = result.GetValue(service)! });
                services.AddSingleton(prometheusOptions);
                services.AddSingleton(sp =>
                {
                    var stats = new PrometheusSourceStats();
                    PrometheusSourceMetrics.Register(sp.GetRequiredService<PrometheusStageMetrics>().Registry, stats);
                    return stats;
                });
                if (simulated)
                {
                    services.AddSingleton(SimulationSetup.Create(time.GetUtcNow(), result.GetValue(trace), result.GetValue(seed)));
                    services.AddHostedService<ActuationFollowerService>();
                }
                services.AddSingleton(sp => MetricSources.CreateDefault(sp).Create(name));
                services.AddHostedService(sp => new MetricPublisherService(
                    sp.GetRequiredService<IMetricSource>(), sp.GetRequiredService<Confluent.Kafka.IProducer<string?, byte[]>>(),
                    sp.GetRequiredService<PublisherOptions>(), sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<MetricPublisherService>>(),
                    sp.GetRequiredService<StageCounters>().For("ingest")));
            }, cancellationToken);
        }));
        return command;
    }
}
