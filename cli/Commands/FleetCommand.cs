using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Actuator.Safety;
using Pipeline.Actuator.Service;
using Pipeline.Actuator.Targets;
using Pipeline.Cli.Fleet;
using Pipeline.Cli.Hosting;
using Pipeline.Fleet.Load;
using Pipeline.Fleet.Local;
using Pipeline.Fleet.Proxy;
using Pipeline.Runtime.Observability;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline fleet</c>: the real local cluster as one process for a deployment (docker compose): the YARP proxy
/// publishing measured samples, the actuator stage on the <c>local</c> target starting and stopping replica processes
/// behind it, and optionally a steady load through it. Features and predictor run as their own stages.
/// </summary>
internal static class FleetCommand
{
    public static Command Create()
    {
        var kafka = new KafkaCommandOptions();
        var metrics = new MetricsCommandOptions("actuator");
        var local = new LocalTargetCommandOptions();
        var balancer = new Option<string>("--balancer") { Description = $"Proxy balancer: {string.Join(", ", ProxyBalancerNames.All)}.", DefaultValueFactory = _ => ProxyBalancerNames.Learned };
        var port = new Option<int>("--port") { Description = "Proxy port on loopback (0: any free port).", DefaultValueFactory = _ => 8080 };
        var max = new Option<int>("--max-replicas") { Description = "Most replica processes.", DefaultValueFactory = _ => 20 };
        var rate = new Option<double>("--rate") { Description = "Steady load through the proxy in requests/s (Poisson); 0 for none.", DefaultValueFactory = _ => 0 };
        var duration = DurationParser.Option("--load-duration", TimeSpan.FromHours(24), "How long the steady load runs");
        var command = new Command("fleet", "Run the real local cluster: YARP proxy, replica processes driven by the actuator's local target, optional steady load.");
        kafka.AddTo(command);
        metrics.AddTo(command);
        local.AddTo(command);
        foreach (var o in new Option[] { balancer, port, max, rate, duration }) command.Options.Add(o);
        command.SetAction((result, cancellationToken) => StartupErrors.Guard(async () =>
        {
            var options = kafka.Resolve(result, out var resolved);
            var proxy = ProxyHost.Create(new ProxyOptions { Port = result.GetValue(port), Service = "web", Balancer = result.GetValue(balancer)!, BootstrapServers = options.BootstrapServers, KafkaClientProperties = options.ClientProperties });
            var admin = await proxy.StartAsync(cancellationToken);
            await using var _ = proxy;
            var targetOptions = local.Resolve(result, result.GetValue(max));
            var target = LocalTargetFactory.Create(new LocalTargetOptions
            {
                Service = targetOptions.Service, ProxyAdmin = admin, Replica = targetOptions.Replica,
                InitialReplicas = Math.Max(1, targetOptions.InitialReplicas), MaxReplicas = targetOptions.MaxReplicas,
            });
            Console.WriteLine($"fleet: proxy {admin} ({result.GetValue(balancer)}), local target up to {targetOptions.MaxReplicas} replicas, Kafka at {resolved.Servers} (from {resolved.Source})");
            return await StageHost.RunAsync(options, services =>
            {
                services.AddStageObservability(metrics.Resolve(result));
                services.AddActuator(new ActuatorOptions { Target = ActuatorTargetNames.Local, MaxReplicas = targetOptions.MaxReplicas }, _ => target);
                if (result.GetValue(rate) is > 0 and var r)
                    services.AddHostedService(sp => new SteadyLoad(new LoadOptions { Url = new Uri(admin, "work"), Rate = RateProfile.Constant(r), Duration = result.GetValue(duration) },
                        sp.GetRequiredService<ILogger<SteadyLoad>>()));
            }, cancellationToken);
        }));
        return command;
    }
}
