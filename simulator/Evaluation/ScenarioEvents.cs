using Pipeline.Simulator.Cluster;

namespace Pipeline.Simulator.Evaluation;

/// <summary>
/// A fault a scenario injects at a time (seconds from the run's start): into the oldest ready replica, the replica of
/// the previous event (<paramref name="SameReplicaAsPrevious"/>) or the newest replica (<paramref name="Newest"/>).
/// </summary>
internal readonly record struct ScenarioEvent(double AtSeconds, ReplicaFault Fault, bool SameReplicaAsPrevious, bool Newest = false);

/// <summary>Turns a scenario name into replica speed factors and a schedule of faults over a span.</summary>
internal static class ScenarioEvents
{
    public static IReadOnlyList<double> SpeedFactors(string scenario) =>
        scenario == ScenarioNames.Heterogeneous ? [0.5, 1.0, 2.0] : [1.0];

    public static List<ScenarioEvent> Schedule(string scenario, double spanSeconds, double startupSeconds = 60)
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
            case ScenarioNames.Degrading:
                for (var step = 1; step <= 12; step++)
                {
                    events.Add(new(spanSeconds * 0.5 + (step - 1) * 300, new ReplicaFault(ReplicaFaultKind.Slow, 1 + 0.25 * step), step > 1));
                }
                break;
            case ScenarioNames.Failing:
                events.Add(new(spanSeconds * 0.5, new ReplicaFault(ReplicaFaultKind.FailFast), false));
                break;
            case ScenarioNames.ColdStart:
                // A rolling replacement: every 10 minutes the oldest ready replica is replaced; the replacement is
                // 5x slower when it turns ready (cold caches, JIT) and warms up in 30 s steps to full speed after 150 s.
                double[] warming = [4, 3, 2, 1.5];
                for (var t = 600.0; t + startupSeconds + 150 < spanSeconds; t += 600)
                {
                    events.Add(new(t, new ReplicaFault(ReplicaFaultKind.Disappear), false));
                    events.Add(new(t, new ReplicaFault(ReplicaFaultKind.Slow, 5), false, Newest: true));
                    for (var k = 0; k < warming.Length; k++)
                    {
                        events.Add(new(t + startupSeconds + 30 * (k + 1), new ReplicaFault(ReplicaFaultKind.Slow, warming[k]), true));
                    }
                    events.Add(new(t + startupSeconds + 150, ReplicaFault.Healthy, true));
                }
                break;
        }
        return events;
    }
}
