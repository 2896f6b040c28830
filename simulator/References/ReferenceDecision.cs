using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Autoscaling;

namespace Pipeline.Simulator.References;

/// <summary>Builds the <see cref="ScaleDecision"/> of a reference policy, with the same id scheme as the live policies.</summary>
internal static class ReferenceDecision
{
    public static ScaleDecision Create(AutoscalingContext context, string policy, int desired, string rule,
        Dictionary<string, double> inputs, string explanation) => new()
    {
        Id = DecisionIds.Create(context.Service, policy, context.Window.WindowEnd),
        Service = context.Service,
        Timestamp = context.Now,
        WindowEnd = context.Window.WindowEnd,
        Policy = policy,
        CurrentReplicas = context.CurrentReplicas,
        DesiredReplicas = desired,
        Rule = rule,
        Inputs = inputs,
        Explanation = explanation,
    };
}
