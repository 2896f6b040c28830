using Pipeline.Simulator.Cluster;

namespace Pipeline.Simulator.Evaluation;

/// <summary>A fault a scenario injects at a time (seconds from the run's start).</summary>
internal readonly record struct ScenarioEvent(double AtSeconds, ReplicaFault Fault, bool SameReplicaAsPrevious);

/// <summary>Turns a scenario name into replica speed factors and a schedule of faults over a span.</summary>
internal static class ScenarioEvents
{
    public static IReadOnlyList<double> SpeedFactors(string scenario) =>
        scenario == ScenarioNames.Heterogeneous ? [1.0, 1.0, 0.5] : [1.0];

    public static List<ScenarioEvent> Schedule(string scenario, double spanSeconds)
    {
        var events = new List<ScenarioEvent>();
        switch (scenario)
        {
            case ScenarioNames.SlowReplica:
                events.Add(new(spanSeconds * 0.5, new ReplicaFault(ReplicaFaultKind.Slow, 4), false));
                events.Add(new(spanSeconds * 0.75, ReplicaFault.Healthy, true));
                break;
            case ScenarioNames.FailFast:
                events.Add(new(spanSeconds * 0.5, new ReplicaFault(ReplicaFaultKind.FailFast), false));
                events.Add(new(spanSeconds * 0.5 + 1800, ReplicaFault.Healthy, true));
                break;
            case ScenarioNames.Crash:
                for (var t = 6 * 3600.0; t < spanSeconds; t += 6 * 3600) events.Add(new(t, new ReplicaFault(ReplicaFaultKind.Disappear), false));
                break;
        }
        return events;
    }
}
