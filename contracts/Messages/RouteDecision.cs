namespace Pipeline.Contracts.Messages;

/// <summary>Routing weights for one service's replicas, published on <see cref="Topics.TopicNames.RouteDecisions"/> keyed by service.</summary>
public sealed record RouteDecision
{
    public int Version { get; init; } = 1;
    public required string Id { get; init; }
    public required string Service { get; init; }
    public required DateTimeOffset Timestamp { get; init; }
    public DateTimeOffset WindowEnd { get; init; }
    public required string Policy { get; init; }

    /// <summary>Relative weight per replica id (non-negative; zero means no new traffic).</summary>
    public required IReadOnlyDictionary<string, double> Weights { get; init; }

    /// <summary>Replicas currently ejected as outliers.</summary>
    public IReadOnlyList<string> Ejected { get; init; } = [];
    public required string Explanation { get; init; }
}
