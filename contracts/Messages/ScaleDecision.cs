namespace Pipeline.Contracts.Messages;

/// <summary>
/// An autoscaling decision for one service, published on <see cref="Topics.TopicNames.ScaleDecisions"/> keyed by service.
/// </summary>
public sealed record ScaleDecision
{
    public int Version { get; init; } = 1;

    /// <summary>Deterministic id (service, policy and input window); the actuator applies each id at most once.</summary>
    public required string Id { get; init; }
    public required string Service { get; init; }

    /// <summary>Decision time (the policy's clock).</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>End of the feature window the decision was made from.</summary>
    public DateTimeOffset WindowEnd { get; init; }

    /// <summary>Autoscaling policy name (e.g. <c>hpa</c>).</summary>
    public required string Policy { get; init; }
    public int CurrentReplicas { get; init; }
    public int DesiredReplicas { get; init; }

    /// <summary>The rule that decided: e.g. <c>within-tolerance</c>, <c>scale-up</c>, <c>stabilized</c>, <c>rate-limited</c>, <c>bound</c>, <c>forecast</c>, <c>reactive-floor</c>.</summary>
    public string Rule { get; init; } = "";

    /// <summary><c>act</c> (the actuator applies it) or <c>recommend</c> (published only).</summary>
    public string Mode { get; init; } = DecisionModes.Act;

    /// <summary>The numbers the decision was computed from.</summary>
    public IReadOnlyDictionary<string, double> Inputs { get; init; } = new Dictionary<string, double>();

    /// <summary>Forecast behind a predictive decision, if any.</summary>
    public ForecastInfo? Forecast { get; init; }

    /// <summary>One human-readable line saying why.</summary>
    public required string Explanation { get; init; }

    /// <summary>The policy run beside this one on the same window for comparison (e.g. <c>hpa</c>), if any.</summary>
    public string? ShadowPolicy { get; init; }

    /// <summary>Replicas <see cref="ShadowPolicy"/> would have asked for on the same window.</summary>
    public int? ShadowReplicas { get; init; }
}

/// <summary>Values of <see cref="ScaleDecision.Mode"/>.</summary>
public static class DecisionModes
{
    public const string Act = "act";
    public const string Recommend = "recommend";
}

/// <summary>A demand forecast with its prediction interval.</summary>
public sealed record ForecastInfo
{
    public required string Model { get; init; }
    public double HorizonSeconds { get; init; }

    /// <summary>Point forecast of the request rate (req/s) at the horizon.</summary>
    public double Value { get; init; }
    public double Lower { get; init; }
    public double Upper { get; init; }

    /// <summary>Nominal coverage of [Lower, Upper] (e.g. 0.9).</summary>
    public double Coverage { get; init; }

    /// <summary>The model's recent symmetric MAPE at this horizon (0..2), NaN when unknown.</summary>
    public double RecentSmape { get; init; } = double.NaN;
}
