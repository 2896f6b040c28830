using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Autoscaling;

namespace Pipeline.Simulator.References;

/// <summary>The <c>static-peak</c> reference: always the replicas the span's peak demand needs (no scaling at all).</summary>
internal sealed class StaticPeakPolicy(int peakReplicas) : IAutoscalingPolicy
{
    public string Name => ReferencePolicyNames.StaticPeak;

    /// <summary>Sized from the demand curve, not from measured utilization.</summary>
    public bool SizesFromUtilization => false;

    public ScaleDecision Decide(AutoscalingContext context)
    {
        var desired = Math.Clamp(peakReplicas, context.MinReplicas, context.MaxReplicas);
        return ScaleDecisions.Create(context, Name, desired, "static",
            new Dictionary<string, double> { ["peakReplicas"] = peakReplicas },
            $"provisioned for the peak demand: {desired} replicas");
    }
}
