namespace Pipeline.Contracts.Messages;

/// <summary>What the actuator did with a decision, published on <see cref="Topics.TopicNames.Actuations"/> keyed by service.</summary>
public sealed record ActuationResult
{
    public int Version { get; init; } = 1;

    /// <summary>Id of the decision acted on.</summary>
    public required string DecisionId { get; init; }

    /// <summary><c>scale</c> or <c>route</c>.</summary>
    public required string Kind { get; init; }
    public required string Service { get; init; }
    public required string Target { get; init; }
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>One of <see cref="ActuationStatuses"/>.</summary>
    public required string Status { get; init; }
    public int PreviousReplicas { get; init; }
    public int AppliedReplicas { get; init; }
    public string Message { get; init; } = "";

    /// <summary>For a route result: the weight per replica applied (a process following results elsewhere applies them too).</summary>
    public IReadOnlyDictionary<string, double>? Weights { get; init; }
}

/// <summary>Values of <see cref="ActuationResult.Status"/>.</summary>
public static class ActuationStatuses
{
    public const string Applied = "applied";
    public const string Clamped = "clamped";
    public const string Duplicate = "duplicate";
    public const string RecommendOnly = "recommend-only";
    /// <summary>Not applied: the decision is for an older window than one already applied for the service, or too old on arrival.</summary>
    public const string Stale = "stale";
    /// <summary>The target could not apply the decision (the message says why); nothing changed.</summary>
    public const string Failed = "failed";
}
