namespace Pipeline.Fleet.Local;

/// <summary>
/// The pure half of the local target (like a ReplicaSet controller's sync): from the desired count and the observed
/// replicas, the actions that move the fleet toward the desired count. Exited replicas are forgotten (an unexpected exit
/// is a death), ready starters are registered, starters past the start-up timeout and stoppers past the stop timeout
/// are killed, then replicas are started or the surplus removed (unregistered starters first, then the newest ready ones).
/// </summary>
internal static class ReconcilePlanner
{
    public static IReadOnlyList<ReconcileAction> Plan(int desired, IReadOnlyList<ReplicaView> replicas, TimeSpan startupTimeout, TimeSpan stopTimeout)
    {
        var actions = new List<ReconcileAction>();
        var alive = new List<ReplicaView>();
        foreach (var r in replicas)
        {
            if (r.Exited)
            {
                actions.Add(r.Phase == ReplicaPhase.Stopping
                    ? new ReconcileAction.Forget(r.Id, Died: false, Deregister: false, $"exited with code {Code(r)} after being stopped")
                    : new ReconcileAction.Forget(r.Id, Died: true, Deregister: r.Phase is ReplicaPhase.Ready or ReplicaPhase.Draining,
                        $"process exited unexpectedly with code {Code(r)} while {r.Phase.ToString().ToLowerInvariant()}"));
            }
            else if (r.Phase == ReplicaPhase.Starting && !r.ProbedReady && r.InPhase > startupTimeout)
            {
                actions.Add(new ReconcileAction.Kill(r.Id, $"not ready within the start-up timeout of {startupTimeout.TotalSeconds:0.###} s"));
            }
            else if (r.Phase == ReplicaPhase.Stopping && r.InPhase > stopTimeout)
            {
                actions.Add(new ReconcileAction.Kill(r.Id, $"still running {stopTimeout.TotalSeconds:0.###} s after SIGTERM"));
            }
            else if (r.Phase is ReplicaPhase.Starting or ReplicaPhase.Ready)
            {
                alive.Add(r);
            }
        }

        var surplus = alive.Count - Math.Max(desired, 0);
        var victims = alive
            .OrderBy(r => r.Phase == ReplicaPhase.Ready ? 2 : r.ProbedReady ? 1 : 0)
            .ThenByDescending(r => r.Sequence)
            .Take(Math.Max(surplus, 0))
            .ToHashSet();
        actions.AddRange(alive.Where(r => r.Phase == ReplicaPhase.Starting && r.ProbedReady && !victims.Contains(r))
            .Select(r => new ReconcileAction.Register(r.Id)));
        if (surplus < 0) actions.Add(new ReconcileAction.Start(-surplus));
        actions.AddRange(victims.Select(r => r.Phase == ReplicaPhase.Ready
            ? (ReconcileAction)new ReconcileAction.Drain(r.Id)
            : new ReconcileAction.Terminate(r.Id, $"surplus while starting (desired {desired})")));
        return actions;
    }

    private static string Code(ReplicaView r) => r.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown";
}
