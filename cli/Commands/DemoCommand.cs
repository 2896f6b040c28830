using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Cli.Demo;
using Pipeline.Cli.Hosting;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Embedded;
using Pipeline.Runtime.Kafka.Hosting;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Contracts.Messages;
using Pipeline.Runtime.Observability;
using Pipeline.Contracts.Topics;
using Pipeline.Ingest.Publishing;
using Pipeline.Predictor.Autoscaling.Predictive;
using Pipeline.Predictor.Service;
using Pipeline.Simulator.Traces;
using Pipeline.Features.Service;
using Pipeline.Features.Streamiz;
using Pipeline.Features.Windowing;
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
        var speed = new Option<double>("--speed") { Description = "Virtual seconds per wall second.", DefaultValueFactory = _ => 30 };
        var trace = new Option<string?>("--trace") { Description = "Replay this trace CSV (timestamp,requests), scaled to a 150 req/s peak, instead of the synthetic load." };
        var influx = new Option<string?>("--influx") { Description = $"Also write every topic to this InfluxDB 1.x URL (else ${SinkCommand.InfluxUrlVariable} if set)." };
        var seed = new Option<long>("--seed") { Description = "Random seed of the simulated cluster.", DefaultValueFactory = _ => 1 };
        var plain = new Option<bool>("--plain") { Description = "Print lines instead of the live view (automatic when output is redirected)." };
        var noBadInput = new Option<bool>("--no-bad-input") { Description = "Do not inject a bad record every 10 s to show the dead-letter path." };
        var preroll = DurationParser.Option("--preroll", TimeSpan.FromHours(3),
            "Virtual time of the load simulated at full speed through the same decision step before the live part, so the model starts trained (0 for none)");
        var decisions = new DecisionCommandOptions();
        var target = new Option<string>("--target") { Description = "simulator: a simulated cluster in virtual time; local: real `pipeline replica` processes behind the YARP proxy with a load generator, in wall time (the load compressed by --speed).", DefaultValueFactory = _ => "simulator" };
        var engine = FeaturesEngineOption.Create();
        var bootstrap = new Option<string?>("--bootstrap") { Description = "Use this Kafka broker instead of the embedded one (else KAFKA_BOOTSTRAP_SERVERS if set)." };
        var kafkaConfig = new KafkaCommandOptions().ConfigFile;
        var command = new Command("demo", "Run broker, simulated cluster and all stages in one process with a live view, then print a summary. " +
            "By default the predictive policy with learned routing acts, warm-started by a pre-roll of the load, while the HPA runs as a shadow " +
            "on the same windows and on a twin cluster for the comparison in the summary.");
        foreach (var o in new Option[] { duration, speed, trace, influx, seed, plain, noBadInput, preroll, bootstrap, kafkaConfig, target, engine }) command.Options.Add(o);
        decisions.AddTo(command);
        var metrics = new MetricsCommandOptions("demo");
        metrics.AddTo(command);
        command.SetAction((result, cancellationToken) => result.GetValue(target) switch
        {
            "simulator" => RunSimulated(result, cancellationToken),
            "local" => StartupErrors.Guard(() => LocalDemo.RunAsync(decisions.Resolve(result, new PredictiveOptions()), result.GetValue(trace), result.GetValue(duration),
                result.GetValue(speed) is > 0 and var sp ? sp : throw new ArgumentException($"--speed: must be > 0, was {result.GetValue(speed)}"),
                result.GetValue(preroll) == TimeSpan.FromHours(3) ? TimeSpan.FromHours(1) : result.GetValue(preroll), result.GetValue(seed), cancellationToken)),
            var other => Task.FromResult(Unknown(other!)),
        });
        return command;

        Task<int> RunSimulated(ParseResult result, CancellationToken cancellationToken) => StartupErrors.Guard(() => RunAsync(new DemoSettings
        {
            Duration = result.GetValue(duration),
            Speed = result.GetValue(speed) is > 0 and var s ? s : throw new ArgumentException($"--speed: must be > 0, was {result.GetValue(speed)}"),
            Trace = result.GetValue(trace),
            Influx = !string.IsNullOrWhiteSpace(result.GetValue(influx)) ? result.GetValue(influx)
                : Environment.GetEnvironmentVariable(SinkCommand.InfluxUrlVariable) is { Length: > 0 } env ? env : null,
            Seed = result.GetValue(seed),
            Plain = result.GetValue(plain) || Console.IsOutputRedirected || !AnsiConsole.Profile.Capabilities.Interactive,
            BadInput = !result.GetValue(noBadInput),
            Predictor = decisions.Resolve(result, new PredictiveOptions()),
            Preroll = result.GetValue(preroll) >= TimeSpan.Zero ? result.GetValue(preroll) : throw new ArgumentException($"--preroll: must be >= 0, was {result.GetValue(preroll)}"),
            Bootstrap = result.GetValue(bootstrap) ?? Environment.GetEnvironmentVariable(BootstrapResolver.EnvironmentVariable),
            KafkaClientProperties = KafkaCommandOptions.ClientProperties(result, kafkaConfig),
            Metrics = metrics.Resolve(result),
            Engine = result.GetValue(engine) ?? FeaturesEngines.Default,
        }, cancellationToken));
    }

    private static int Unknown(string target)
    {
        Console.Error.WriteLine($"error: --target: unknown demo target '{target}'; known: local, simulator");
        return 2;
    }

    private static async Task<int> RunAsync(DemoSettings settings, CancellationToken cancellationToken)
    {
        using var embedded = string.IsNullOrWhiteSpace(settings.Bootstrap) ? EmbeddedKafkaCluster.Start() : null;
        var servers = embedded?.BootstrapServers ?? settings.Bootstrap!;
        if (embedded is not null) embedded.CreateTopics(TopicNames.All);
        else await TopicProvisioner.EnsureAsync(servers, TopicNames.All, cancellationToken: cancellationToken);
        // The client properties (security) are for an outside broker; the embedded one speaks PLAINTEXT only.
        var kafka = new KafkaOptions
        {
            BootstrapServers = servers, GroupIdPrefix = $"demo-{Guid.NewGuid():N}"[..13],
            ClientProperties = embedded is null ? settings.KafkaClientProperties : new Dictionary<string, string>(),
        };

        // Synthetic load: the live part ends about when its virtual time catches up with the wall clock. The live part
        // starts on a window boundary, so its first window is whole (the pre-roll's last open window is not handed over).
        var liveStart = AlignDown(settings.Trace is { } path
            ? TraceReader.Read(path).Start + settings.Preroll
            : DateTimeOffset.UtcNow - settings.Duration * (settings.Speed - 1), new WindowingOptions().WindowSize);
        var start = liveStart - settings.Preroll;
        var setup = new DemoClusters(settings.Predictor, settings.Trace, settings.Seed, start, settings.Preroll);
        var cluster = setup.Main;
        var step = setup.Step;
        Console.WriteLine($"pipeline demo: Kafka {(embedded is null ? "broker" : "embedded mock cluster")} at {servers}; " +
                          $"load {(settings.Trace ?? "synthetic (daily pattern + 3x surge from live minute 1 to 4)")}; " +
                          $"{DecisionCommandOptions.Describe(settings.Predictor)}; " +
                          $"virtual time runs {settings.Speed:0.##}x wall time; {settings.Duration.TotalSeconds:0}s" +
                          (settings.Influx is null ? "" : $"; writing to InfluxDB {Pipeline.Sink.Influx.InfluxAuth.Redact(settings.Influx)}"));
        if (settings.Preroll > TimeSpan.Zero) Console.WriteLine(setup.Preroll(liveStart).Describe());
        var twin = setup.Twin(liveStart);
        var time = new ScaledTimeProvider(liveStart, settings.Speed);
        var state = new DemoState();
        var counters = new StageCounters();
        Action<ScaleDecision>? print = settings.Plain
            ? d => Console.WriteLine($"decision {d.WindowEnd:HH:mm:ss} {d.Service} {d.CurrentReplicas} -> {d.DesiredReplicas} [{d.Rule}] {d.Explanation}")
            : null;

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (settings.Plain) builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical); // start-up failures are reported once, by StartupErrors
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        builder.Services.AddSingleton(new FeaturesEngineChoice(settings.Engine));
        builder.Services.AddSingleton(new StreamizOptions { StateDir = Path.Combine(Path.GetTempPath(), "pipeline-demo-streamiz") });
        builder.Services.AddInProcessPipeline(kafka, cluster, time, counters, settings.Speed, settings.Influx, step: step);
        builder.Services.AddHostedService(_ => new DemoMonitor(kafka, state, print));
        if (twin is not null) builder.Services.AddHostedService(_ => new TwinCluster(twin.Loop, time));
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
        await host.StopAsync(CancellationToken.None);
        var published = host.Services.GetRequiredService<MetricPublisherService>().Published;
        if (host is IAsyncDisposable disposable) await disposable.DisposeAsync();
        else host.Dispose();
        DateTimeOffset end;
        lock (cluster) end = cluster.Now;
        if (twin is not null) lock (twin.Loop) twin.Loop.AdvanceTo(end);
        DemoSummary.Print(Console.Out, cluster, SimulationSetup.Service, state, counters, end - liveStart, published, settings.Influx is null ? null : Pipeline.Sink.Influx.InfluxAuth.Redact(settings.Influx));
        if (twin is not null) DemoComparison.Print(Console.Out, settings.Predictor, cluster, twin, state);
        return Environment.ExitCode;
    }

    /// <summary><paramref name="time"/> rounded down to a multiple of <paramref name="size"/> (windows are aligned so).</summary>
    private static DateTimeOffset AlignDown(DateTimeOffset time, TimeSpan size) =>
        new(time.UtcTicks - time.UtcTicks % size.Ticks, TimeSpan.Zero);

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
        public TimeSpan Preroll { get; init; }
        public string? Bootstrap { get; init; }
        public IReadOnlyDictionary<string, string> KafkaClientProperties { get; init; } = new Dictionary<string, string>();
        public required StageMetricsOptions Metrics { get; init; }
        public required string Engine { get; init; }
    }
}
