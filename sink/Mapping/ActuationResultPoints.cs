using Pipeline.Contracts.Messages;
using Pipeline.Sink.LineProtocol;

namespace Pipeline.Sink.Mapping;

/// <summary><see cref="ActuationResult"/> → one <c>actuation</c> point; status, kind and target are string fields.</summary>
public static class ActuationResultPoints
{
    public static Point From(ActuationResult a) =>
        new Point(Measurements.Actuation, a.Timestamp)
            .Tag(TagKeys.Service, a.Service)
            .Field("kind", a.Kind)
            .Field("target", a.Target)
            .Field("status", a.Status)
            .Field("previous_replicas", a.PreviousReplicas)
            .Field("applied_replicas", a.AppliedReplicas)
            .Field("failed", a.Status == ActuationStatuses.Failed)
            .Field("message", a.Message)
            .Field("decision_id", a.DecisionId);
}
