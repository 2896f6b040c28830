using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Cli.Hosting;
using Pipeline.Contracts.Kafka.Hosting;
using Pipeline.Predictor.Service;
using Pipeline.Contracts.Observability;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline predictor</c>: turns feature windows into scale and route decisions.</summary>
internal static class PredictorCommand
{
    public static Command Create()
    {
        var kafka = new KafkaCommandOptions();
        var metrics = new MetricsCommandOptions("predictor");
        var policy = new Option<string>("--policy") { Description = $"Autoscaling policy: {string.Join(", ", PredictorPolicies.Autoscaling().Names)}.", DefaultValueFactory = _ => "hpa" };
        var routing = new Option<string>("--routing") { Description = $"Routing policy: {string.Join(", ", PredictorPolicies.Routing().Names)}; empty for none.", DefaultValueFactory = _ => "equal" };
        var min = new Option<int>("--min-replicas") { Description = "Fewest replicas a policy may ask for.", DefaultValueFactory = _ => 1 };
        var max = new Option<int>("--max-replicas") { Description = "Most replicas a policy may ask for.", DefaultValueFactory = _ => 50 };
        var command = new Command("predictor", "Consume feature windows, publish scale and route decisions with their inputs and explanation.");
        kafka.AddTo(command);
        metrics.AddTo(command);
        command.Options.Add(policy);
        command.Options.Add(routing);
        command.Options.Add(min);
        command.Options.Add(max);
        command.SetAction((result, cancellationToken) => StartupErrors.Guard(() =>
        {
            var options = kafka.Resolve(result, out var resolved);
            var metricsOptions = metrics.Resolve(result);
            var predictor = new PredictorOptions
            {
                AutoscalingPolicy = result.GetValue(policy)!,
                RoutingPolicy = result.GetValue(routing) ?? "",
                MinReplicas = result.GetValue(min),
                MaxReplicas = result.GetValue(max),
            };
            var processor = PredictorPolicies.CreateProcessor(predictor);
            Console.WriteLine($"predictor: policy {predictor.AutoscalingPolicy}, routing {(predictor.RoutingPolicy.Length > 0 ? predictor.RoutingPolicy : "none")}, Kafka at {resolved.Servers} (from {resolved.Source})");
            return StageHost.RunAsync(options, services =>
            {
                services.AddStageObservability(metricsOptions);
                services.AddSingleton(processor);
                services.AddStage<PredictorProcessor>();
            }, cancellationToken);
        }));
        return command;
    }
}
