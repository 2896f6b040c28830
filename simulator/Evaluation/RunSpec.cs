namespace Pipeline.Simulator.Evaluation;

/// <summary>One combination to evaluate.</summary>
/// <param name="Autoscaler">Autoscaling policy name.</param>
/// <param name="Balancer">Balancer name.</param>
/// <param name="Scenario">Scenario name (<see cref="ScenarioNames"/>).</param>
public sealed record RunSpec(string Autoscaler, string Balancer, string Scenario)
{
    /// <summary>E.g. <c>hpa + round-robin</c>.</summary>
    public string Label => $"{Autoscaler} + {Balancer}";
}
