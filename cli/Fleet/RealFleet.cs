using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Actuator.Safety;
using Pipeline.Actuator.Service;
using Pipeline.Actuator.Targets;
using Pipeline.Features.Service;
using Pipeline.Features.Windowing;
using Pipeline.Fleet.Local;
using Pipeline.Fleet.Proxy;
using Pipeline.Predictor.Decisions;
using Pipeline.Predictor.Service;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Hosting;

namespace Pipeline.Cli.Fleet;

/// <summary>
/// The pipeline closed around real processes: a YARP proxy publishing each replica's measured samples on the metrics
/// topic, the features, predictor (the given decision step) and actuator stages on real Kafka clients, and the
/// <c>local</c> target starting and stopping <c>pipeline replica</c> processes behind the proxy. Dispose stops them all.
/// </summary>
internal sealed class RealFleet : IAsyncDisposable
{
    private readonly ProxyHost _proxy;
    private readonly ILocalTarget _target;
    private readonly IHost _stages;

    private RealFleet(ProxyHost proxy, ILocalTarget target, CountingTarget counting, IHost stages, ReplicaMeter meter)
    {
        _proxy = proxy;
        _target = target;
        Counting = counting;
        _stages = stages;
        Meter = meter;
    }

    /// <summary>Where load goes: the proxy's <c>/work</c>.</summary>
    public Uri WorkUrl => new(_proxy.Address, "work");

    /// <summary>The local target (status, events).</summary>
    public ILocalTarget Target => _target;

    /// <summary>Scale commands that changed the count.</summary>
    public CountingTarget Counting { get; }

    /// <summary>Replica-seconds of the fleet.</summary>
    public ReplicaMeter Meter { get; }

    /// <summary>Starts proxy, replicas (waits until <see cref="RealFleetOptions.InitialReplicas"/> are ready) and stages.</summary>
    public static async Task<RealFleet> StartAsync(RealFleetOptions options, KafkaOptions kafka, DecisionStep step, ILoggerFactory logging,
        CancellationToken cancellationToken, Action<IServiceCollection>? extra = null)
    {
        var proxy = ProxyHost.Create(new ProxyOptions
        {
            Service = options.Service, Balancer = options.Balancer, BootstrapServers = kafka.BootstrapServers, KafkaClientProperties = kafka.ClientProperties,
        });
        var admin = await proxy.StartAsync(cancellationToken);
        var target = LocalTargetFactory.Create(new LocalTargetOptions
        {
            Service = options.Service,
            ProxyAdmin = admin,
            Replica = options.Replica,
            InitialReplicas = options.InitialReplicas,
            MaxReplicas = options.MaxReplicas,
        }, logging);
        var ready = await target.WaitForAsync(s => s.Ready >= options.InitialReplicas, TimeSpan.FromSeconds(120), cancellationToken);
        if (!ready) throw new InvalidOperationException($"the first {options.InitialReplicas} replicas were not ready within 120 s: {target.Status}");
        var counting = new CountingTarget(target);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddPipelineKafka(kafka);
        builder.Services.AddSingleton(new WindowingOptions());
        builder.Services.AddStage<FeaturesProcessor>();
        builder.Services.AddSingleton(new PredictorProcessor(step));
        builder.Services.AddStage<PredictorProcessor>();
        builder.Services.AddActuator(
            new ActuatorOptions { Target = ActuatorTargetNames.Local, MinReplicas = step.Options.MinReplicas, MaxReplicas = Math.Min(step.Options.MaxReplicas, options.MaxReplicas) },
            _ => counting);
        extra?.Invoke(builder.Services);
        var stages = builder.Build();
        await stages.StartAsync(cancellationToken);
        var meter = new ReplicaMeter(target);
        meter.Start();
        return new RealFleet(proxy, target, counting, stages, meter);
    }

    public async ValueTask DisposeAsync()
    {
        await Meter.DisposeAsync();
        await _stages.StopAsync(TimeSpan.FromSeconds(15));
        _stages.Dispose();
        await _target.DisposeAsync();
        await _proxy.DisposeAsync();
    }
}
