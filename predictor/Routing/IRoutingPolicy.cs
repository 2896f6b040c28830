using Pipeline.Contracts.Messages;

namespace Pipeline.Predictor.Routing;

/// <summary>A routing policy: turns the latest feature window of a service into per-replica weights.</summary>
public interface IRoutingPolicy
{
    /// <summary>Name used to select the policy in options and on the command line.</summary>
    string Name { get; }

    /// <summary>Decides routing weights for one service from one window.</summary>
    RouteDecision Decide(RoutingContext context);
}

/// <summary>Everything a routing policy may look at for one decision.</summary>
public sealed record RoutingContext
{
    public required string Service { get; init; }
    public required DateTimeOffset Now { get; init; }
    public required FeatureWindow Window { get; init; }
}
