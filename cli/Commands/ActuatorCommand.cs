using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Actuator.Safety;
using Pipeline.Actuator.Service;
using Pipeline.Actuator.Targets;
using Pipeline.Cli.Hosting;
using Pipeline.Fleet.Local;
using Pipeline.Runtime.Kafka.Hosting;
using Pipeline.Runtime.Observability;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline actuator</c>: applies decisions to a target and publishes actuation results.</summary>
internal static class ActuatorCommand
{
    public static Command Create()
    {
        var kafka = new KafkaCommandOptions();
        var metrics = new MetricsCommandOptions("actuator");
        var target = new Option<string>("--target") { Description = $"Actuator target: {string.Join(", ", ActuatorTargets.CreateDefault().Names.Append(ActuatorTargetNames.Local).Order())} (local: real `pipeline replica` processes behind `pipeline proxy`).", DefaultValueFactory = _ => ActuatorTargetNames.DryRun };
        var min = new Option<int>("--min-replicas") { Description = "Fewest replicas ever applied.", DefaultValueFactory = _ => 1 };
        var max = new Option<int>("--max-replicas") { Description = "Most replicas ever applied.", DefaultValueFactory = _ => 50 };
        var maxAge = BoundOption.Create("--max-decision-age", TimeSpan.FromMinutes(2),
            "Do not apply decisions made longer than this before they arrive, e.g. replayed by a new consumer group");
        var kubernetes = new KubernetesCommandOptions();
        var local = new LocalTargetCommandOptions();
        var command = new Command("actuator", "Apply scale and route decisions (at most once per decision id, within min/max) and publish actuation results.");
        kafka.AddTo(command);
        metrics.AddTo(command);
        command.Options.Add(target);
        command.Options.Add(min);
        command.Options.Add(max);
        command.Options.Add(maxAge);
        kubernetes.AddTo(command);
        local.AddTo(command);
        command.SetAction((result, cancellationToken) => StartupErrors.Guard(() =>
        {
            var targets = ActuatorTargets.CreateDefault(kubernetes.Resolve(result));
            var localOptions = local.Resolve(result, result.GetValue(max));
            targets.Add(ActuatorTargetNames.Local, () => LocalTargetFactory.Create(localOptions));
            var name = targets.Validate(result.GetValue(target)!);
            if (name == ActuatorTargetNames.Kubernetes) targets.Create(name); // unusable credentials fail at start-up, not on the first decision
            var options = kafka.Resolve(result, out var resolved);
            var metricsOptions = metrics.Resolve(result);
            var actuator = new ActuatorOptions
            {
                Target = name, MinReplicas = result.GetValue(min), MaxReplicas = result.GetValue(max), MaxDecisionAge = BoundOption.Value(result, maxAge),
            };
            Console.WriteLine($"actuator: target {name}, replicas within [{actuator.MinReplicas}, {actuator.MaxReplicas}], Kafka at {resolved.Servers} (from {resolved.Source})");
            return StageHost.RunAsync(options, services =>
            {
                services.AddStageObservability(metricsOptions);
                // One instance for the process (the local target owns replica processes; the host disposes it on exit).
                services.AddActuator(actuator, _ => targets.Create(name));
            }, cancellationToken);
        }));
        return command;
    }
}
