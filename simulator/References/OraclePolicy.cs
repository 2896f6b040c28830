using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Autoscaling;

namespace Pipeline.Simulator.References;

/// <summary>
/// The demand-curve references. The <c>oracle</c> (utilization oracle) knows the future demand curve: at each decision
/// it asks for the largest demand between now and now + start-up delay + decision period, so replicas it orders are
/// ready before the demand they serve arrives and none is removed while still needed. No policy can be cheaper without
/// violating the target utilization; it is the lower bound on cost at zero under-provisioning. Given a queueing model's
/// curve of the fewest replicas meeting the latency SLO it is <c>sla-oracle</c> (pooled) or <c>sla-per-replica</c>.
/// Looking back instead (<see cref="Reactive"/>) it is <c>sla-reactive</c>.
/// </summary>
/// <param name="from">Start of the span of the curve read, relative to now (negative: the past).</param>
/// <param name="to">End of that span, relative to now.</param>
internal sealed class OraclePolicy(DemandCurve demand, DateTimeOffset curveStart, TimeSpan from, TimeSpan to, string name) : IAutoscalingPolicy
{
    /// <summary>A look-ahead reference over [now, now + <paramref name="horizon"/>].</summary>
    public OraclePolicy(DemandCurve demand, DateTimeOffset curveStart, TimeSpan horizon, string name = ReferencePolicyNames.Oracle)
        : this(demand, curveStart, TimeSpan.Zero, horizon, name) { }

    /// <summary>
    /// <c>sla-reactive</c>: the largest demand over [now − <paramref name="lag"/> − <paramref name="hold"/>, now −
    /// <paramref name="lag"/>], what a perfect measurement <paramref name="lag"/> old shows, held as long as re-acquiring
    /// it would take.
    /// </summary>
    public static OraclePolicy Reactive(DemandCurve demand, DateTimeOffset curveStart, TimeSpan lag, TimeSpan hold) =>
        new(demand, curveStart, -(lag + hold), -lag, ReferencePolicyNames.SlaReactive);

    public string Name => name;

    /// <summary>Sized from the demand curve, not from measured utilization.</summary>
    public bool SizesFromUtilization => false;

    public ScaleDecision Decide(AutoscalingContext context)
    {
        var now = (context.Now - curveStart).TotalSeconds;
        var need = demand.MaxOver(now + from.TotalSeconds, now + to.TotalSeconds);
        var desired = Math.Clamp(need, context.MinReplicas, context.MaxReplicas);
        var span = from < TimeSpan.Zero
            ? $"largest demand from {-from.TotalSeconds:0} s to {-to.TotalSeconds:0} s ago"
            : $"largest demand in the next {to.TotalSeconds:0} s";
        return ScaleDecisions.Create(context, Name, desired, name,
            new Dictionary<string, double> { ["demandNow"] = demand.At(now), ["maxDemandOverSpan"] = need, ["fromSeconds"] = from.TotalSeconds, ["toSeconds"] = to.TotalSeconds },
            $"{span} is {need} replicas -> {desired}");
    }
}
