using System.CommandLine;
using Pipeline.Cli.Hosting;
using Pipeline.Predictor.Autoscaling.Predictive;
using Pipeline.Predictor.Service;

namespace Pipeline.Cli.Commands;

/// <summary>The decision step's options on the command line (<c>pipeline predictor</c> and <c>pipeline demo</c>), defaults from <see cref="PredictorOptions"/>.</summary>
internal sealed class DecisionCommandOptions
{
    private static readonly PredictorOptions Defaults = new();

    private readonly Option<string> _policy = new("--policy") { Description = $"Autoscaling policy: {string.Join(", ", PredictorPolicies.Autoscaling().Names)}.", DefaultValueFactory = _ => Defaults.AutoscalingPolicy };
    private readonly Option<string> _routing = new("--routing") { Description = $"Routing policy: {string.Join(", ", PredictorPolicies.Routing().Names)}; empty for none.", DefaultValueFactory = _ => Defaults.RoutingPolicy };
    private readonly Option<string> _shadow = new("--shadow") { Description = "Policy run beside the acting one on the same windows; each explanation says what it would have done (empty for none).", DefaultValueFactory = _ => Defaults.ShadowPolicy };
    private readonly Option<double> _target = new("--target-utilization") { Description = "Target mean utilization of the ready replicas for every policy, in (0, 1] (as in `pipeline evaluate`).", DefaultValueFactory = _ => Defaults.TargetUtilization };
    private readonly Option<TimeSpan> _startup = DurationParser.Option("--startup-delay", Defaults.StartupDelay, "Replica start-up time the predictive policy forecasts across");
    private readonly Option<string> _forecaster = new("--forecaster") { Description = $"Forecaster of the predictive policy: {string.Join(", ", Pipeline.Predictor.Forecasting.ForecasterNames.All)} (gbm-global, the evaluated default: one model across services, 6 h of history at full resolution, under 50 kB a service; gbm: one model per service, a week and a day at full resolution, ~115 KiB a service plus its model).", DefaultValueFactory = _ => new PredictiveOptions().Forecaster };
    private static readonly SlaSizingOptions SlaDefaults = new();
    private readonly Option<string> _sizing = new("--sizing") { Description = "How the predictive policy sizes its forecast: 'sla' (the evaluated default: the fewest replicas whose queueing limit for --slo/--sla/--workers-per-replica/--service-time-cv carries the forecast error's tail, the shortfall beyond the interval and the expected demand; the defaults are the evaluation's service) or 'utilization' (upper bound at 0.8, expected demand at 0.9, the tail at 100%; `pipeline evaluate --predictive-sizing utilization`).", DefaultValueFactory = _ => "sla" };
    private readonly Option<TimeSpan> _slo = DurationParser.Option("--slo", TimeSpan.FromSeconds(SlaDefaults.SloSeconds), "With --sizing sla: the latency objective");
    private readonly Option<double> _sla = new("--sla") { Description = "With --sizing sla: share of requests within --slo, in (0, 1).", DefaultValueFactory = _ => SlaDefaults.Target };
    private readonly Option<int> _workers = new("--workers-per-replica") { Description = "With --sizing sla: requests one replica serves at once.", DefaultValueFactory = _ => SlaDefaults.WorkersPerReplica };
    private readonly Option<double> _cv = new("--service-time-cv") { Description = "With --sizing sla: coefficient of variation of the service time (lognormal; 0 = deterministic).", DefaultValueFactory = _ => SlaDefaults.ServiceTimeCv };
    private readonly Option<int> _min = new("--min-replicas") { Description = "Fewest replicas a policy may ask for.", DefaultValueFactory = _ => Defaults.MinReplicas };
    private readonly Option<int> _max = new("--max-replicas") { Description = "Most replicas a policy may ask for.", DefaultValueFactory = _ => Defaults.MaxReplicas };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { _policy, _routing, _shadow, _target, _startup, _forecaster, _sizing, _slo, _sla, _workers, _cv, _min, _max }) command.Options.Add(o);
    }

    /// <summary>The options given; throws naming the option when a value is invalid or a policy unknown.</summary>
    public PredictorOptions Resolve(ParseResult result, PredictiveOptions predictive)
    {
        predictive.Forecaster = result.GetValue(_forecaster)!;
        predictive.Sla = result.GetValue(_sizing) switch
        {
            "utilization" => null,
            "sla" => new SlaSizingOptions
            {
                SloSeconds = result.GetValue(_slo).TotalSeconds,
                Target = result.GetValue(_sla),
                WorkersPerReplica = result.GetValue(_workers),
                ServiceTimeCv = result.GetValue(_cv),
            },
            var other => throw new ArgumentException($"--sizing: '{other}' is not a sizing; use 'utilization' or 'sla'"),
        };
        var options = new PredictorOptions
        {
            AutoscalingPolicy = result.GetValue(_policy)!,
            RoutingPolicy = result.GetValue(_routing) ?? "",
            ShadowPolicy = result.GetValue(_shadow) ?? "",
            TargetUtilization = result.GetValue(_target),
            StartupDelay = result.GetValue(_startup),
            MinReplicas = result.GetValue(_min),
            MaxReplicas = result.GetValue(_max),
            Predictive = predictive,
        };
        if (!(options.TargetUtilization > 0 && options.TargetUtilization <= 1))
            throw new ArgumentException($"--target-utilization: must be in (0, 1], was {options.TargetUtilization}");
        options.Validate();
        _ = PredictorPolicies.CreateStep(options); // rejects unknown policy names before anything starts
        return options;
    }

    public static string Describe(PredictorOptions o) =>
        $"policy {o.AutoscalingPolicy}, routing {(o.RoutingPolicy.Length > 0 ? o.RoutingPolicy : "none")}" +
        (o.ShadowPolicy.Length > 0 && o.ShadowPolicy != o.AutoscalingPolicy ? $", shadow {o.ShadowPolicy}" : "") +
        (o.AutoscalingPolicy == "predictive" ? $", forecaster {o.Predictive.Forecaster}" : "") +
        (o.AutoscalingPolicy == "predictive" && o.Predictive.Sla is { } s ? $", sized at the SLA's queueing limit ({s.Target:P1} within {s.SloSeconds * 1000:0} ms, {s.WorkersPerReplica} workers per replica)" : "") +
        $", target utilization {o.TargetUtilization:0.##}, start-up {o.StartupDelay.TotalSeconds:0} s, replicas [{o.MinReplicas}, {o.MaxReplicas}]";
}
