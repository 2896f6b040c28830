using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Predictor.Decisions;

namespace Pipeline.Predictor.Service;

/// <summary>
/// The predictor stage: each closed feature window goes through the <see cref="DecisionStep"/> (the same one the
/// simulator's evaluation runs) and becomes one scale decision (and one route decision when routing runs), decided at
/// the window's end in event time so the same inputs always give the same decision and id. Actuation results on the
/// actuations topic tell the step what was applied. Unreadable or inconsistent windows go to the dead-letter topic.
/// </summary>
public sealed class PredictorProcessor(DecisionStep step) : IStageProcessor
{
    private readonly ServiceLimit _services = new(step.Options.MaxServices);

    public string Stage => "predictor";

    public IReadOnlyList<string> InputTopics { get; } = [TopicNames.Features, TopicNames.Actuations];

    public void Process(InputMessage message, IStageOutput output)
    {
        if (message.Topic == TopicNames.Actuations)
        {
            if (MessageReader.TryRead<ActuationResult>(message, out var result, out var problem)) step.Follow(result);
            else output.DeadLetter(problem);
            return;
        }
        if (!MessageReader.TryRead<FeatureWindow>(message, out var window, out var reason))
        {
            output.DeadLetter(reason);
            return;
        }
        if ((WindowChecks.Problem(window) ?? _services.Refusal(window.Service)) is { } invalid)
        {
            output.DeadLetter(invalid);
            return;
        }
        var decided = step.Decide(window);
        output.Publish(TopicNames.ScaleDecisions, decided.Scale.Service, decided.Scale);
        if (decided.Route is { } route) output.Publish(TopicNames.RouteDecisions, route.Service, route);
    }
}
