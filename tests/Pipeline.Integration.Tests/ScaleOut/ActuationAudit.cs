using Pipeline.Contracts.Messages;

namespace Pipeline.Integration.Tests.ScaleOut;

/// <summary>One decision as the actuators saw it: kind (scale or route), service, the window it decides and its id.</summary>
internal sealed record IssuedDecision(string Kind, string Service, DateTimeOffset WindowEnd, string Id);

/// <summary>
/// What became of every decision across two actuator instances: the in-process one applies through a
/// <see cref="CountingTarget"/> (its applications counted per id), the <c>pipeline actuator --target simulator</c> process
/// applies by publishing its result (the relay target's result is the command the simulated cluster follows), so its
/// applications are its applied results on pipeline.actuations. Both publish a result for every decision they read.
/// </summary>
internal sealed class ActuationAudit(IReadOnlyList<ActuationResult> results, IReadOnlyDictionary<string, int> counted, string processTarget)
{
    public static bool IsApplied(ActuationResult r) => r.Status is ActuationStatuses.Applied or ActuationStatuses.Clamped;

    /// <summary>The process instance's applied results.</summary>
    public IReadOnlyList<ActuationResult> ProcessApplied { get; } = [.. results.Where(r => r.Target == processTarget && IsApplied(r))];

    /// <summary>Times decision <paramref name="id"/> was applied, by either instance.</summary>
    public int Applications(string id) => counted.GetValueOrDefault(id) + ProcessApplied.Count(r => r.DecisionId == id);

    /// <summary>
    /// Decisions neither applied nor superseded: the actuator's semantics let a decision go unapplied only as <c>stale</c>,
    /// reported (a result says so) because a decision for a newer window of the same service and kind was applied.
    /// </summary>
    public IReadOnlyList<IssuedDecision> Lost(IReadOnlyList<IssuedDecision> issued)
    {
        var stale = results.Where(r => r.Status == ActuationStatuses.Stale).Select(r => r.DecisionId).ToHashSet();
        var newestApplied = issued.Where(d => Applications(d.Id) > 0).GroupBy(d => (d.Kind, d.Service))
            .ToDictionary(g => g.Key, g => g.Max(d => d.WindowEnd));
        return [.. issued.Where(d => Applications(d.Id) == 0
            && !(stale.Contains(d.Id) && newestApplied.TryGetValue((d.Kind, d.Service), out var newest) && newest > d.WindowEnd))];
    }

    /// <summary>Whether every decision has a result that settles it (applied, clamped or stale) yet.</summary>
    public bool Settled(IReadOnlyList<IssuedDecision> issued)
    {
        var settled = results.Where(r => IsApplied(r) || r.Status == ActuationStatuses.Stale).Select(r => r.DecisionId).ToHashSet();
        return issued.All(d => settled.Contains(d.Id));
    }

    /// <summary>
    /// The (kind, service) pairs the process instance owned at <paramref name="killedAt"/> (its applied result was the last
    /// before it) and, for each, how long after <paramref name="killedAt"/> the next decision was applied (null: none was).
    /// </summary>
    public IReadOnlyDictionary<(string Kind, string Service), TimeSpan?> GapsAfter(DateTimeOffset killedAt)
    {
        var applied = results.Where(IsApplied).ToList();
        var owned = applied.Where(r => r.Timestamp <= killedAt).GroupBy(r => (r.Kind, r.Service))
            .Where(g => g.MaxBy(r => r.Timestamp)!.Target == processTarget).Select(g => g.Key);
        return owned.ToDictionary(k => k, k => applied.Where(r => (r.Kind, r.Service) == k && r.Timestamp > killedAt)
            .Select(r => (TimeSpan?)(r.Timestamp - killedAt)).Min());
    }
}
