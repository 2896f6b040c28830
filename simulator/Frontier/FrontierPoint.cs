namespace Pipeline.Simulator.Frontier;

/// <summary>One operating point: a policy at one setting, its cost and its SLA violations above the floor.</summary>
/// <param name="Policy">Autoscaler name, e.g. <c>hpa</c>.</param>
/// <param name="Setting">The swept knob's value, e.g. <c>0.6</c> or <c>expected 0.9 / upper 0.8</c>.</param>
/// <param name="ReplicaHours">Cost.</param>
/// <param name="ExcessViolations">SLA violation rate minus the floor (the service time's own tail), at least 0.</param>
public sealed record FrontierPoint(string Policy, string Setting, double ReplicaHours, double ExcessViolations);
