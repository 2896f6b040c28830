using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Cli.Hosting;
using Pipeline.Runtime.Kafka.Hosting;
using Pipeline.Runtime.Observability;
using Pipeline.Predictor.Autoscaling.Predictive;
using Pipeline.Predictor.Keda;
using Pipeline.Predictor.Service;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline predictor</c>: turns feature windows into scale and route decisions.</summary>
internal static class PredictorCommand
{
    public static Command Create()
    {
        var kafka = new KafkaCommandOptions();
        var metrics = new MetricsCommandOptions("predictor");
        var decisions = new DecisionCommandOptions();
        var predictiveState = new PredictiveStateOptions();
        var state = new Option<string>("--state-dir") { Description = "Directory where the predictive policy keeps each service's history and models across restarts.", DefaultValueFactory = _ => "state/predictive" };
        var evict = DurationParser.Option("--evict-idle-after", new PredictorOptions().EvictIdleAfter, "Forget a service's policy state after this long without a window, in event time (0: never)");
        var maxServices = new Option<int>("--max-services") { Description = "Most services decided for (each holds policy state); windows of more are dead-lettered (limit).", DefaultValueFactory = _ => new PredictorOptions().MaxServices };
        var kedaPort = new Option<int>("--keda-port") { Description = "Serve KEDA's external scaler (gRPC over HTTP/2; TLS with --keda-tls-cert) on this port: metric = the latest decided replicas, target 1; 0 = off.", DefaultValueFactory = _ => 0 };
        var kedaBind = new Option<string>("--keda-bind") { Description = "Address the KEDA scaler listens on (0.0.0.0 inside a pod).", DefaultValueFactory = _ => new KedaScalerOptions().BindAddress };
        var kedaCert = new Option<string>("--keda-tls-cert") { Description = "KEDA scaler: PEM certificate (with chain) to serve TLS with (default empty: plaintext).", DefaultValueFactory = _ => "" };
        var kedaKey = new Option<string>("--keda-tls-key") { Description = "KEDA scaler: PEM private key of --keda-tls-cert (default empty: in the certificate file).", DefaultValueFactory = _ => "" };
        var kedaClientCa = new Option<string>("--keda-tls-client-ca") { Description = "KEDA scaler: PEM CA certificate(s); require a client certificate they issued (KEDA's tlsClientCert) (default empty: none).", DefaultValueFactory = _ => "" };
        var command = new Command("predictor", "Consume feature windows, publish scale and route decisions with their inputs and explanation.");
        kafka.AddTo(command);
        metrics.AddTo(command);
        decisions.AddTo(command);
        command.Options.Add(state);
        predictiveState.AddTo(command);
        command.Options.Add(maxServices);
        command.Options.Add(evict);
        command.Options.Add(kedaPort);
        command.Options.Add(kedaBind);
        command.Options.Add(kedaCert);
        command.Options.Add(kedaKey);
        command.Options.Add(kedaClientCa);
        command.SetAction((result, cancellationToken) => StartupErrors.Guard(() =>
        {
            var options = kafka.Resolve(result, out var resolved);
            var metricsOptions = metrics.Resolve(result);
            // Lives as long as the process: the policy logs a corrupt state file whenever a service first shows up.
            var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
            var live = PredictiveOptions.Live(result.GetValue(state)!);
            live.StateLogger = logging.CreateLogger("Pipeline.Predictor.State");
            predictiveState.Apply(result, live);
            var predictor = decisions.Resolve(result, live);
            predictor.MaxServices = result.GetValue(maxServices);
            predictor.EvictIdleAfter = result.GetValue(evict);
            predictor.Validate();
            var processor = PredictorPolicies.CreateProcessor(predictor);
            Console.WriteLine($"predictor: {DecisionCommandOptions.Describe(predictor)}, Kafka at {resolved.Servers} (from {resolved.Source})");
            return StageHost.RunAsync(options, services =>
            {
                services.AddStageObservability(metricsOptions);
                if (result.GetValue(kedaPort) is > 0 and var port)
                {
                    var latest = new LatestScaleDecisions();
                    services.AddSingleton(latest);
                    services.AddSingleton(new KedaScalerOptions
                    {
                        Port = port, BindAddress = result.GetValue(kedaBind)!, CertificateFile = result.GetValue(kedaCert)!,
                        KeyFile = result.GetValue(kedaKey)!, ClientCaFile = result.GetValue(kedaClientCa)!,
                    });
                    services.AddHostedService<KedaScalerHostedService>();
                    services.AddSingleton(new KedaDecisionTap(processor, latest));
                    services.AddStage<KedaDecisionTap>();
                }
                else
                {
                    services.AddSingleton(processor);
                    services.AddStage<PredictorProcessor>();
                }
            }, cancellationToken);
        }));
        return command;
    }
}
