using Pipeline.Simulator.Evaluation;

namespace Pipeline.Simulator.Frontier;

/// <summary>One run of a frontier sweep: the policy, its setting and the scored result.</summary>
public sealed record FrontierRun(string Policy, string Setting, RunResult Result)
{
    /// <summary>The run as a point, its violations taken above <paramref name="floor"/>.</summary>
    public FrontierPoint ToPoint(double floor) =>
        new(Policy, Setting, Result.ReplicaHours, Math.Max(0, Result.SlaViolationRate - floor));
}
