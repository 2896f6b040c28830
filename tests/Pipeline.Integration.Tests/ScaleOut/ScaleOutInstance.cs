using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Actuator.Safety;
using Pipeline.Actuator.Service;
using Pipeline.Features.Service;
using Pipeline.Features.Windowing;
using Pipeline.Integration.Tests.Support;
using Pipeline.Predictor.Service;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Hosting;
using Pipeline.Runtime.Kafka.Streaming;

namespace Pipeline.Integration.Tests.ScaleOut;

/// <summary>One instance of the features, predictor (hpa, equal routing) and actuator stages in a host of its own, as a separate process would run them.</summary>
internal sealed class ScaleOutInstance
{
    private ScaleOutInstance(IHost host) => Host = host;

    public IHost Host { get; }

    public StageCounter Counter(string stage) => Host.Services.GetRequiredService<StageCounters>().For(stage);

    public static async Task<ScaleOutInstance> StartAsync(KafkaOptions options, ConcurrentDictionary<string, int> applied)
    {
        var host = StageHostBuilder.Build(s =>
        {
            s.AddPipelineKafka(options);
            s.AddSingleton(new WindowingOptions());
            s.AddFeaturesStage(FeaturesEngines.Loop);
            s.AddSingleton(PredictorPolicies.CreateProcessor(new PredictorOptions { AutoscalingPolicy = "hpa", RoutingPolicy = "equal", ShadowPolicy = "" }));
            s.AddStage<PredictorProcessor>();
            s.AddActuator(new ActuatorOptions(), _ => new CountingTarget(applied));
        });
        await host.StartAsync();
        return new ScaleOutInstance(host);
    }

    public Task StopAsync() => StageHostBuilder.StopAndDisposeAsync(Host);
}
