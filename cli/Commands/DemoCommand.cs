using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Cli.Demo;
using Pipeline.Cli.Hosting;
using Pipeline.Contracts.Kafka;
using Pipeline.Contracts.Kafka.Embedded;
using Pipeline.Contracts.Kafka.Hosting;
using Pipeline.Contracts.Kafka.Streaming;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Observability;
using Pipeline.Contracts.Topics;
using Pipeline.Ingest.Publishing;
using Pipeline.Predictor.Service;
using Pipeline.Simulator.Traces;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline demo</c>: the embedded broker, the simulated cluster and every stage in one process, on real Kafka
/// clients, with a live terminal view; virtual time runs <c>--speed</c> times faster than wall time.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var duration = DurationParser.Option("--duration", TimeSpan.FromSeconds(60), "Wall-clock run time");
        var speed = new Option<double>("--speed") { Description = "Virtual seconds per wall second (default 5, or 30 with --trace)." };
        var trace = new Option<string?>("--trace") { Description = "Replay this trace CSV (timestamp,requests), scaled to a 150 req/s peak, instead of the synthetic load." };
        var influx = new Option<string?>("--influx") { Description = $"Also write every topic to this InfluxDB 1.x URL (else ${SinkCommand.InfluxUrlVariable} if set)." };
        var seed = new Option<long>("--seed") { Description = "Random seed of the simulated cluster.", DefaultValueFactory = _ => 1 };
        var plain = new Option<bool>("--plain") { Description = "Print lines instead of the live view (automatic when output is redirected)." };
        var noBadInput = new Option<bool>("--no-bad-input") { Description = "Do not inject a bad record every 10 s to show the dead-letter path." };
        var policy = new Option<string>("--policy") { Description = $"Autoscaling policy: {string.Join(", ", PredictorPolicies.Autoscaling().Names)}.", DefaultValueFactory = _ => "hpa" };
        var routing = new Option<string>("--routing") { Description = $"Routing policy: {string.Join(", ", PredictorPolicies.Routing().Names)}.", DefaultValueFactory = _ => "equal" };
        var bootstrap = new Option<string?>("--bootstrap") { Description = "Use this Kafka broker instead of the embedded one (else KAFKA_BOOTSTRAP_SERVERS if set)." };
        var command = new Command("demo", "Run broker, simulated cluster and all stages in one process with a live view, then print a summary.");
        foreach (var o in new Option[] { duration, speed, trace, influx, seed, plain, noBadInput, policy, routing, bootstrap }) command.Options.Add(o);
        var metrics = new MetricsCommandOptions("demo");
        metrics.AddTo(command);
        command.SetAction((result, cancellationToken) => StartupErrors.Guard(() => RunAsync(new DemoSettings
        {
            Duration = result.GetValue(duration),
            Speed = result.GetValue(speed) is > 0 and var s ? s : result.GetValue(trace) is null ? 5 : 30,
            Trace = result.GetValue(trace),
            Influx = !string.IsNullOrWhiteSpace(result.GetValue(influx)) ? result.GetValue(influx)
                : Environment.GetEnvironmentVariable(SinkCommand.InfluxUrlVariable) is { Length: > 0 } env ? env : null,
            Seed = result.GetValue(seed),
            Plain = result.GetValue(plain) || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive,
            BadInput = !result.GetValue(noBadInput),
            Predictor = new PredictorOptions { AutoscalingPolicy = result.GetValue(policy)!, RoutingPolicy = result.GetValue(routing) ?? "" },
            Bootstrap = result.GetValue(bootstrap) ?? Environment.GetEnvironmentVariable(BootstrapResolver.EnvironmentVariable),
            Metrics = metrics.Resolve(result),
        }, cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(DemoSettings settings, CancellationToken cancellationToken)
    {
        _ = PredictorPolicies.CreateProcessor(settings.Predictor); // rejects unknown policy names before anything starts
        using var embedded = string.IsNullOrWhiteSpace(settings.Bootstrap) ? EmbeddedKafkaCluster.Start() : null;
        var servers = embedded?.BootstrapServers ?? settings.Bootstrap!;
        if (embedded is not null) embedded.CreateTopics(TopicNames.All);
        else await TopicProvisioner.EnsureAsync(servers, TopicNames.All, cancellationToken: cancellationToken);
        var kafka = new KafkaOptions { BootstrapServers = servers, GroupIdPrefix = $"demo-{Guid.NewGuid():N}"[..13] };

        // Synthetic load: virtual time starts far enough back that it catches up with the wall clock at the end.
        var start = settings.Trace is { } path
            ? TraceReader.Read(path).Start
            : DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()) - settings.Duration * (settings.Speed - 1);
        var time = new ScaledTimeProvider(start, settings.Speed);
        var cluster = SimulationSetup.Create(start, settings.Trace, settings.Seed);
        var state = new DemoState();
        var counters = new StageCounters();
        Console.WriteLine($"pipeline demo: Kafka {(embedded is null ? "broker" : "embedded mock cluster")} at {servers}; " +
                          $"load {(settings.Trace ?? "synthetic (daily pattern + 3x surge from virtual minute 1 to 4)")}; " +
                          $"policy {settings.Predictor.AutoscalingPolicy}, routing {settings.Predictor.RoutingPolicy}; " +
                          $"virtual time runs {settings.Speed:0.##}x wall time; {settings.Duration.TotalSeconds:0}s" +
                          (settings.Influx is null ? "" : $"; writing to InfluxDB {settings.Influx}"));
        Action<ScaleDecision>? print = settings.Plain
            ? d => Console.WriteLine($"decision {d.WindowEnd:HH:mm:ss} {d.Service} {d.CurrentReplicas} -> {d.DesiredReplicas} [{d.Rule}] {d.Explanation}")
            : null;

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (settings.Plain) builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical); // start-up failures are reported once, by StartupErrors
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        builder.Services.AddInProcessPipeline(kafka, cluster, time, counters, settings.Speed, settings.Influx, predictor: settings.Predictor);
        builder.Services.AddHostedService(_ => new DemoMonitor(kafka, state, print));
        // Stages poll in virtual time here, so the staleness limit of the health check is scaled by the speed-up too.
        builder.Services.AddStageObservability(new StageMetricsOptions
        {
            Port = settings.Metrics.Port,
            BindAddress = settings.Metrics.BindAddress,
            StaleAfter = settings.Metrics.StaleAfter * settings.Speed,
        });
        if (settings.BadInput) builder.Services.AddHostedService(sp => new BadInputInjector(InProcessPipeline.Producer(sp), time));

        var host = builder.Build();
        Environment.ExitCode = 0;
        await host.StartAsync(cancellationToken);
        var view = new DemoView(cluster, SimulationSetup.Service, state, counters, time, settings.Speed);
        var began = DateTime.UtcNow;
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime);
        try
        {
            if (settings.Plain) await PlainLoop(began, settings.Duration, state, stop.Token);
            else await AnsiConsole.Live(view.Render(TimeSpan.Zero, settings.Duration)).StartAsync(async ctx =>
            {
                while (!stop.IsCancellationRequested && DateTime.UtcNow - began < settings.Duration)
                {
                    ctx.UpdateTarget(view.Render(DateTime.UtcNow - began, settings.Duration));
                    await Task.Delay(500, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                }
            });
        }
        catch (OperationCanceledException)
        {
        }
        var virtualSpan = time.GetUtcNow() - start;
        await host.StopAsync(CancellationToken.None);
        var published = host.Services.GetRequiredService<MetricPublisherService>().Published;
        if (host is IAsyncDisposable disposable) await disposable.DisposeAsync();
        else host.Dispose();
        DemoSummary.Print(Console.Out, cluster, SimulationSetup.Service, state, counters, virtualSpan, published, settings.Influx);
        return Environment.ExitCode;
    }

    private static async Task PlainLoop(DateTime began, TimeSpan duration, DemoState state, CancellationToken stop)
    {
        var nextStatus = TimeSpan.FromSeconds(10);
        while (!stop.IsCancellationRequested && DateTime.UtcNow - began < duration)
        {
            await Task.Delay(250, stop);
            var elapsed = DateTime.UtcNow - began;
            if (elapsed < nextStatus) continue;
            nextStatus += TimeSpan.FromSeconds(10);
            var w = state.LatestWindow;
            Console.WriteLine($"status {elapsed.TotalSeconds:0}s: windows {state.Windows}, decisions {state.ScaleDecisions}, " +
                              $"rate {(w is null ? "-" : $"{w.RequestRate:0.0} req/s")}, replicas {(w is null ? "-" : $"{w.ReadyReplicas}/{w.Replicas} ready")}, " +
                              $"p99 {(w is null ? "-" : $"{w.LatencyP99Ms:0} ms")}, dead letters {state.DeadLetters}");
        }
    }

    private sealed record DemoSettings
    {
        public TimeSpan Duration { get; init; }
        public double Speed { get; init; }
        public string? Trace { get; init; }
        public string? Influx { get; init; }
        public long Seed { get; init; }
        public bool Plain { get; init; }
        public bool BadInput { get; init; }
        public required PredictorOptions Predictor { get; init; }
        public string? Bootstrap { get; init; }
        public required StageMetricsOptions Metrics { get; init; }
    }
}
