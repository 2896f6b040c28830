using Pipeline.Contracts.Messages;

namespace Pipeline.Predictor.Autoscaling;

/// <summary>Builds the <see cref="ScaleDecision"/> every autoscaling policy returns, with the shared id scheme (<see cref="DecisionIds"/>).</summary>
public static class ScaleDecisions
{
    /// <summary>A decision of <paramref name="policy"/> for the context's service and window.</summary>
    public static ScaleDecision Create(AutoscalingContext context, string policy, int desired, string rule,
        IReadOnlyDictionary<string, double> inputs, string explanation) => new()
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
