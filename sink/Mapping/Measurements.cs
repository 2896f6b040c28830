namespace Pipeline.Sink.Mapping;

/// <summary>Every InfluxDB measurement the sink writes (documented field by field in sink/README.md).</summary>
public static class Measurements
{
    public const string MetricSample = "metric_sample";
    public const string FeatureWindow = "feature_window";
    public const string ReplicaFeatures = "replica_features";
    public const string ScaleDecision = "scale_decision";
    public const string RouteDecision = "route_decision";
    public const string RouteWeight = "route_weight";
    public const string Actuation = "actuation";
    public const string DeadLetter = "dead_letter";
    public const string PipelineTopic = "pipeline_topic";
    public const string PipelineStage = "pipeline_stage";
    public const string SinkWriter = "sink_writer";
    public const string StageHealth = "stage_health";

    /// <summary>All of them, in documentation order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        MetricSample, FeatureWindow, ReplicaFeatures, ScaleDecision, RouteDecision, RouteWeight, Actuation, DeadLetter,
        PipelineTopic, PipelineStage, SinkWriter, StageHealth,
    ];
}

/// <summary>The only tag keys the sink uses: low-cardinality dimensions, never ids or free text.</summary>
public static class TagKeys
{
    public const string Service = "service";
    public const string Replica = "replica";
    public const string Policy = "policy";
    public const string Topic = "topic";
    public const string Stage = "stage";
    public const string Instance = "instance";
}
