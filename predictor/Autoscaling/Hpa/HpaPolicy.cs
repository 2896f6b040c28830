using System.Globalization;
using Pipeline.Contracts.Messages;

namespace Pipeline.Predictor.Autoscaling.Hpa;

/// <summary>
/// The <c>hpa</c> autoscaling policy: the Kubernetes Horizontal Pod Autoscaler on mean replica utilization.
/// Per decision: the sync-period gate, the bounds check on the current count, the <see cref="ReplicaCalculator"/>, then
/// stabilization, rate limits and bounds (<see cref="HpaBehaviorNormalizer"/>). Keeps per-service state; time comes only
/// from the context. Reads pods from <see cref="FeatureWindow.ReplicaFeatures"/> (or, when a window has none, its ready
/// replicas at its mean utilization): ready replicas with their utilization,
/// not-ready ones, and as missing the replicas the target asks for that did not report. When more replicas reported than
/// are requested (pods being removed), the surplus is taken from the not-ready ones, which Kubernetes would ignore.
/// </summary>
internal sealed class HpaPolicy : IAutoscalingPolicy
{
    private readonly HpaOptions _options;
    private readonly Dictionary<string, HpaServiceState> _states = new(StringComparer.Ordinal);
    private readonly TimeSpan _keep;

    public HpaPolicy(HpaOptions options)
    {
        options.Validate();
        _options = options;
        _keep = new[] { options.ScaleUp.StabilizationWindow, options.ScaleDown.StabilizationWindow }
            .Concat(options.ScaleUpPolicies.Select(p => p.Period))
            .Concat(options.ScaleDownPolicies.Select(p => p.Period))
            .Max();
    }

    public string Name => AutoscalingPolicyNames.Hpa;

    public void Forget(string service) => _states.Remove(service);

    public ScaleDecision Decide(AutoscalingContext context)
    {
        var window = context.Window;
        var state = State(context.Service);
        var current = context.CurrentReplicas;
        var inputs = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["currentReplicas"] = current,
            ["minReplicas"] = context.MinReplicas,
            ["maxReplicas"] = context.MaxReplicas,
            ["targetUtilization"] = _options.TargetUtilization,
            ["tolerance"] = _options.Tolerance,
        };

        if (state.LastSyncWindowEnd is { } last && window.WindowEnd - last < _options.SyncPeriod)
            return Decision(context, current, HpaRules.SyncPeriod, inputs,
                $"last sync {(window.WindowEnd - last).TotalSeconds:0.#}s ago < sync period {_options.SyncPeriod.TotalSeconds:0.#}s -> keep {current}");
        state.LastSyncWindowEnd = window.WindowEnd;
        state.Prune(context.Now, _keep);

        if (current == 0 && context.MinReplicas != 0)
            return Decision(context, 0, HpaRules.Disabled, inputs, "scale target at 0 replicas: autoscaling disabled (as in Kubernetes) -> keep 0");
        if (current > context.MaxReplicas || current < context.MinReplicas)
        {
            var bounded = Math.Clamp(current, context.MinReplicas, context.MaxReplicas);
            HpaBehaviorNormalizer.RecordScale(state, context.Now, current, bounded);
            return Decision(context, bounded, HpaRules.Bound, inputs,
                $"{current} replicas outside [{context.MinReplicas}, {context.MaxReplicas}] -> {bounded}");
        }

        var pods = PodsOf(window, current);
        inputs["readyReplicas"] = pods.ReadyUtilizations.Count;
        inputs["unreadyReplicas"] = pods.UnreadyPods;
        inputs["missingReplicas"] = pods.MissingPods;
        var calc = ReplicaCalculator.Calculate(pods, _options.TargetUtilization, _options.Tolerance);
        inputs["utilization"] = calc.Utilization;
        inputs["usageRatio"] = calc.UsageRatio;
        inputs["adjustedUsageRatio"] = calc.AdjustedUsageRatio;
        inputs["recommendedReplicas"] = calc.DesiredReplicas;
        if (calc.Outcome == ReplicaCalculator.NoMetrics)
            return Decision(context, current, HpaRules.NoMetrics, inputs,
                $"no ready replica reported utilization in window ending {window.WindowEnd.UtcDateTime:HH:mm:ss} -> keep {current}");

        var norm = HpaBehaviorNormalizer.Normalize(_options, state, context.Now, current, calc.DesiredReplicas, context.MinReplicas, context.MaxReplicas);
        inputs["stabilizedReplicas"] = norm.Stabilized;
        if (norm.Limit is not null) inputs[norm.Limit == "rate" ? "rateLimit" : "bound"] = norm.LimitValue;
        HpaBehaviorNormalizer.RecordScale(state, context.Now, current, norm.Final);

        var rule = RuleOf(calc, norm, current);
        return Decision(context, norm.Final, rule, inputs, Explain(calc, pods, norm, current, rule));
    }

    private HpaServiceState State(string service)
    {
        if (!_states.TryGetValue(service, out var state))
        {
            state = new HpaServiceState();
            _states.Add(service, state);
        }
        return state;
    }

    internal static PodMetrics PodsOf(FeatureWindow window, int current)
    {
        var ready = new List<double>();
        var unready = 0;
        foreach (var r in window.ReplicaFeatures)
        {
            if (r.Ready) ready.Add(r.Utilization);
            else unready++;
        }
        if (window.ReplicaFeatures.Count == 0 && window.ReadyReplicas > 0)
        {
            // A window without per-replica features (e.g. from an outside producer): its ready replicas at the mean.
            ready.AddRange(Enumerable.Repeat(window.Utilization, window.ReadyReplicas));
            unready = Math.Max(0, window.Replicas - window.ReadyReplicas);
        }
        unready = Math.Min(unready, Math.Max(0, current - ready.Count));
        var missing = Math.Max(0, current - ready.Count - unready);
        return new PodMetrics(current, ready, unready, missing);
    }

    private static string RuleOf(ReplicaCalculation calc, HpaNormalization norm, int current)
    {
        if (norm.Limit == "rate") return HpaRules.RateLimited;
        if (norm.Limit == "bound") return HpaRules.Bound;
        if (norm.Stabilized != calc.DesiredReplicas) return HpaRules.Stabilized;
        if (norm.Final > current) return HpaRules.ScaleUp;
        if (norm.Final < current) return HpaRules.ScaleDown;
        return calc.Outcome == ReplicaCalculator.DirectionReversed ? HpaRules.DirectionReversed : HpaRules.WithinTolerance;
    }

    private string Explain(ReplicaCalculation calc, PodMetrics pods, HpaNormalization norm, int current, string rule)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"utilization {calc.Utilization:0.00} vs target {_options.TargetUtilization:0.00} on {pods.ReadyUtilizations.Count} ready replicas");
        if (pods.UnreadyPods > 0 || pods.MissingPods > 0)
            text += $" ({pods.UnreadyPods} not ready, {pods.MissingPods} missing)";
        var detail = rule switch
        {
            HpaRules.WithinTolerance when calc.Outcome == ReplicaCalculator.AdjustedWithinTolerance => string.Create(CultureInfo.InvariantCulture,
                $"ratio {calc.AdjustedUsageRatio:0.00} after counting unready/missing replicas is within tolerance {_options.Tolerance:0.00}"),
            HpaRules.WithinTolerance => string.Create(CultureInfo.InvariantCulture,
                $"ratio {calc.UsageRatio:0.00} within tolerance {_options.Tolerance:0.00}"),
            HpaRules.DirectionReversed => "counting unready/missing replicas would reverse the direction",
            HpaRules.Stabilized => norm.Stabilized > calc.DesiredReplicas
                ? $"wanted {calc.DesiredReplicas}; scale-down stabilized at {norm.Stabilized}, the highest recommendation in the last {_options.ScaleDown.StabilizationWindow.TotalSeconds:0}s"
                : $"wanted {calc.DesiredReplicas}; scale-up stabilized at {norm.Stabilized}, the lowest recommendation in the last {_options.ScaleUp.StabilizationWindow.TotalSeconds:0}s",
            HpaRules.RateLimited or HpaRules.Bound => norm.Stabilized != calc.DesiredReplicas
                ? $"wanted {calc.DesiredReplicas}, stabilized {norm.Stabilized}; {norm.LimitDescription}"
                : $"wanted {calc.DesiredReplicas}; {norm.LimitDescription}",
            _ => "",
        };
        return detail.Length == 0 ? $"{text} -> {norm.Final}" : $"{text} -> {norm.Final} ({detail})";
    }

    private ScaleDecision Decision(AutoscalingContext context, int desired, string rule, Dictionary<string, double> inputs, string explanation) =>
        ScaleDecisions.Create(context, Name, desired, rule, inputs, explanation);
}
