namespace Pipeline.Contracts.Topics;

/// <summary>The pipeline's Kafka topics. All are keyed by service id.</summary>
public static class TopicNames
{
    public const string Metrics = "pipeline.metrics";
    public const string Features = "pipeline.features";
    public const string ScaleDecisions = "pipeline.decisions.scale";
    public const string RouteDecisions = "pipeline.decisions.route";
    public const string Actuations = "pipeline.actuations";
    public const string DeadLetters = "pipeline.deadletters";

    /// <summary>Periodic <see cref="Messages.StageHealth"/> snapshots of every stage, keyed by stage name.</summary>
    public const string Health = "pipeline.health";

    /// <summary>Every topic with the partition count the pipeline creates it with.</summary>
    public static IReadOnlyList<(string Name, int Partitions)> All { get; } =
    [
        (Metrics, 6), (Features, 3), (ScaleDecisions, 3), (RouteDecisions, 3), (Actuations, 3), (DeadLetters, 1), (Health, 1),
    ];
}
