using Pipeline.Contracts.Kafka.Streaming;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Predictor.Autoscaling;
using Pipeline.Predictor.Routing;

namespace Pipeline.Predictor.Service;

/// <summary>
/// The predictor stage: each closed feature window becomes one scale decision (and one route decision when a routing
/// policy is set), decided at the window's end in event time so the same inputs always give the same decision and id.
/// The current replica count is the last count the actuator applied (read from the actuations topic), else the
/// replicas that reported in the window. Unreadable or inconsistent windows go to the dead-letter topic.
/// </summary>
public sealed class PredictorProcessor(IAutoscalingPolicy autoscaling, IRoutingPolicy? routing, PredictorOptions options) : IStageProcessor
{
    private readonly Dictionary<string, int> _applied = new(StringComparer.Ordinal);

    public string Stage => "predictor";

    public IReadOnlyList<string> InputTopics { get; } = [TopicNames.Features, TopicNames.Actuations];

    public void Process(InputMessage message, IStageOutput output)
    {
        if (message.Topic == TopicNames.Actuations)
        {
            Follow(message, output);
            return;
        }
        if (!MessageReader.TryRead<FeatureWindow>(message, out var window, out var reason))
        {
            output.DeadLetter(reason);
            return;
        }
        if (WindowProblem(window) is { } problem)
        {
            output.DeadLetter(problem);
            return;
        }
        var current = _applied.TryGetValue(window.Service, out var applied) ? applied : Math.Max(1, window.Replicas);
        var decision = autoscaling.Decide(new AutoscalingContext
        {
            Service = window.Service,
            Now = window.WindowEnd,
            Window = window,
            CurrentReplicas = current,
            MinReplicas = options.MinReplicas,
            MaxReplicas = options.MaxReplicas,
        });
        output.Publish(TopicNames.ScaleDecisions, decision.Service, decision);
        if (routing is not null && window.ReplicaFeatures.Count > 0)
        {
            var route = routing.Decide(new RoutingContext { Service = window.Service, Now = window.WindowEnd, Window = window });
            output.Publish(TopicNames.RouteDecisions, route.Service, route);
        }
    }

    private void Follow(InputMessage message, IStageOutput output)
    {
        if (!MessageReader.TryRead<ActuationResult>(message, out var result, out var reason))
        {
            output.DeadLetter(reason);
            return;
        }
        if (result is { Kind: "scale", Status: ActuationStatuses.Applied or ActuationStatuses.Clamped })
            _applied[result.Service] = result.AppliedReplicas;
    }

    private static string? WindowProblem(FeatureWindow w) =>
        string.IsNullOrWhiteSpace(w.Service) ? "invalid: service is empty"
        : w.WindowEnd <= w.WindowStart ? $"invalid: windowEnd ({w.WindowEnd:O}) is not after windowStart ({w.WindowStart:O})"
        : w.Replicas < 0 || w.ReadyReplicas < 0 ? "invalid: replicas and readyReplicas must be >= 0"
        : w.ReadyReplicas > w.Replicas ? $"invalid: readyReplicas ({w.ReadyReplicas}) exceeds replicas ({w.Replicas})"
        : !double.IsFinite(w.RequestRate) || w.RequestRate < 0 ? $"invalid: requestRate must be finite and >= 0, was {w.RequestRate}"
        : !double.IsFinite(w.Utilization) || w.Utilization < 0 ? $"invalid: utilization must be finite and >= 0, was {w.Utilization}"
        : null;
}
