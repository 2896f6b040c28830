using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Autoscaling;

namespace Pipeline.Simulator.References;

/// <summary>
/// The <c>oracle</c> (utilization oracle) reference: knows the future demand curve. At each decision it asks for the largest demand
/// between now and now + start-up delay + decision period, so replicas it orders are ready before the demand they
/// serve arrives and none is removed while still needed. No policy can be cheaper without violating the target
/// utilization; it is the lower bound on cost at zero under-provisioning. Given a queueing model's curve of the fewest
/// replicas meeting the latency SLO it is <c>sla-oracle</c> (pooled) or <c>sla-per-replica</c>.
/// </summary>
internal sealed class OraclePolicy(DemandCurve demand, DateTimeOffset curveStart, TimeSpan horizon, string name = ReferencePolicyNames.Oracle) : IAutoscalingPolicy
{
    public string Name => name;

    /// <summary>Sized from the demand curve, not from measured utilization.</summary>
    public bool SizesFromUtilization => false;

    public ScaleDecision Decide(AutoscalingContext context)
    {
        var now = (context.Now - curveStart).TotalSeconds;
        var need = demand.MaxOver(now, now + horizon.TotalSeconds);
        var desired = Math.Clamp(need, context.MinReplicas, context.MaxReplicas);
        return ScaleDecisions.Create(context, Name, desired, name,
            new Dictionary<string, double> { ["demandNow"] = demand.At(now), ["maxDemandAhead"] = need, ["horizonSeconds"] = horizon.TotalSeconds },
            $"largest demand in the next {horizon.TotalSeconds:0} s is {need} replicas -> {desired}");
    }
}
