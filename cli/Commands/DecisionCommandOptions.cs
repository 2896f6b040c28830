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
    private readonly Option<string> _forecaster = new("--forecaster") { Description = $"Forecaster of the predictive policy: {string.Join(", ", Pipeline.Predictor.Forecasting.ForecasterNames.All)} (gbm: one model per service, the evaluated default; gbm-global: one model across services, for fleets of hundreds or more).", DefaultValueFactory = _ => new PredictiveOptions().Forecaster };
    private readonly Option<int> _min = new("--min-replicas") { Description = "Fewest replicas a policy may ask for.", DefaultValueFactory = _ => Defaults.MinReplicas };
    private readonly Option<int> _max = new("--max-replicas") { Description = "Most replicas a policy may ask for.", DefaultValueFactory = _ => Defaults.MaxReplicas };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { _policy, _routing, _shadow, _target, _startup, _forecaster, _min, _max }) command.Options.Add(o);
    }

    /// <summary>The options given; throws naming the option when a value is invalid or a policy unknown.</summary>
    public PredictorOptions Resolve(ParseResult result, PredictiveOptions predictive)
    {
        predictive.Forecaster = result.GetValue(_forecaster)!;
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
        $", target utilization {o.TargetUtilization:0.##}, start-up {o.StartupDelay.TotalSeconds:0} s, replicas [{o.MinReplicas}, {o.MaxReplicas}]";
}
