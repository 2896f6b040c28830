namespace Pipeline.Actuator.Safety;

/// <summary>
/// The newest window end applied per service and kind of decision: a decision for an older window than one already
/// applied is stale (a replay, a new consumer group, a slow duplicate), so old replica counts are never applied again.
/// </summary>
internal sealed class DecisionOrder
{
    private readonly Dictionary<(string Kind, string Service), DateTimeOffset> _newest = [];

    /// <summary>The newest window end applied for (<paramref name="kind"/>, <paramref name="service"/>) when it is after <paramref name="windowEnd"/>, else null.</summary>
    public DateTimeOffset? NewerThan(string kind, string service, DateTimeOffset windowEnd) =>
        _newest.TryGetValue((kind, service), out var newest) && windowEnd < newest ? newest : null;

    /// <summary>Records that a decision for <paramref name="windowEnd"/> was applied.</summary>
    public void Applied(string kind, string service, DateTimeOffset windowEnd)
    {
        if (!_newest.TryGetValue((kind, service), out var newest) || windowEnd > newest) _newest[(kind, service)] = windowEnd;
    }
}
