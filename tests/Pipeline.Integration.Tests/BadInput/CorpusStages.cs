using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Actuator.Safety;
using Pipeline.Actuator.Service;
using Pipeline.Actuator.Targets;
using Pipeline.Features.Service;
using Pipeline.Features.Windowing;
using Pipeline.Integration.Tests.Support;
using Pipeline.Predictor.Autoscaling;
using Pipeline.Predictor.Service;
using Pipeline.Runtime.Kafka.Hosting;
using Pipeline.Runtime.Observability;
using Pipeline.TestSupport.Influx;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.BadInput;

/// <summary>
/// Features (loop engine, the CLI's default limits: 10,000 services, 1,000 replicas a window, 5 min ahead), predictor
/// (hpa) and actuator (dry-run) in one host on the embedded broker, with <c>/metrics</c> and <c>/healthz</c> on a port.
/// Windows of idle services are not closed by processing time, so the 10,000 flooded services open windows only.
/// </summary>
internal static class CorpusStages
{
    public static IHost Start(KafkaTestBroker broker, out int metricsPort)
    {
        var port = FreePort.Next();
        metricsPort = port;
        var host = StageHostBuilder.Build(s =>
        {
            s.AddPipelineKafka(broker.Options());
            s.AddSingleton(new WindowingOptions { MaxAheadOfArrival = TimeSpan.FromMinutes(5), IdleTimeout = TimeSpan.FromHours(1) });
            s.AddFeaturesStage(FeaturesEngines.Loop, new());
            s.AddSingleton(PredictorPolicies.CreateProcessor(new PredictorOptions
            {
                AutoscalingPolicy = AutoscalingPolicyNames.Hpa, RoutingPolicy = "", ShadowPolicy = "",
            }));
            s.AddStage<PredictorProcessor>();
            s.AddActuator(new ActuatorOptions(), _ => ActuatorTargets.CreateDefault().Create(ActuatorTargetNames.DryRun));
            s.AddStageObservability(new StageMetricsOptions { Port = port, SnapshotInterval = TimeSpan.FromSeconds(1) });
        });
        host.StartAsync().GetAwaiter().GetResult();
        return host;
    }
}
