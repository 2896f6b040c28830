using Pipeline.Contracts.Messages;
using Pipeline.Sink.LineProtocol;

namespace Pipeline.Sink.Mapping;

/// <summary>
/// <see cref="RouteDecision"/> → one <c>route_decision</c> point (summary and explanation) and one
/// <c>route_weight</c> point per replica (weight, share of the total, ejected flag).
/// </summary>
public static class RouteDecisionPoints
{
    public static IEnumerable<Point> From(RouteDecision d)
    {
        var total = d.Weights.Values.Where(double.IsFinite).Sum();
        var ejected = d.Ejected.ToHashSet(StringComparer.Ordinal);
        yield return new Point(Measurements.RouteDecision, d.Timestamp)
            .Tag(TagKeys.Service, d.Service)
            .Tag(TagKeys.Policy, d.Policy)
            .Field("replicas", d.Weights.Count)
            .Field("ejected", d.Ejected.Count)
            .Field("max_share", total > 0 ? d.Weights.Values.Max() / total : double.NaN)
            .Field("explanation", d.Explanation)
            .Field("decision_id", d.Id);

        foreach (var (replica, weight) in d.Weights.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            yield return new Point(Measurements.RouteWeight, d.Timestamp)
                .Tag(TagKeys.Service, d.Service)
                .Tag(TagKeys.Policy, d.Policy)
                .Tag(TagKeys.Replica, replica)
                .Field("weight", weight)
                .Field("share", total > 0 ? weight / total : double.NaN)
                .Field("ejected", ejected.Contains(replica));
        }
    }
}
