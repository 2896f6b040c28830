using Pipeline.Contracts.Messages;

namespace Pipeline.Sink.Tests.Mapping;

/// <summary>One message of every type, filled the way the stages fill them.</summary>
internal static class SampleMessages
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    public static MetricSample Metric(double utilization = 0.5) => new()
    {
        Service = "checkout", Replica = "checkout-1", Timestamp = T0, IntervalSeconds = 2, Requests = 100, Completed = 90, Errors = 9,
        Utilization = utilization, InFlight = 4, Ready = true, LatencySumMs = 900,
        LatencyCounts = Enumerable.Range(0, LatencyBuckets.Count).Select(i => i == 10 ? 90L : 0L).ToArray(), MemoryBytes = 1 << 20,
    };

    public static FeatureWindow Window() => new()
    {
        Service = "checkout", WindowStart = T0, WindowEnd = T0.AddSeconds(10), SampleCount = 20, Replicas = 2, ReadyReplicas = 2,
        RequestRate = 50, Throughput = 48, ErrorRate = 0.01, Utilization = 0.6, InFlight = 7, LatencyMeanMs = 12, LatencyP50Ms = 10,
        LatencyP95Ms = 30, LatencyP99Ms = double.NaN,
        Normalized = new Dictionary<string, double> { ["requestRate"] = 1.5, ["latencyP95"] = -0.5 },
        ReplicaFeatures =
        [
            new ReplicaFeatures { Replica = "checkout-1", RequestRate = 30, Utilization = 0.7, InFlight = 5, LatencyMeanMs = 11, LatencyP99Ms = 40 },
            new ReplicaFeatures { Replica = "checkout-2", Ready = false, RequestRate = 20, Utilization = 0.5, InFlight = 2 },
        ],
    };

    public static ScaleDecision Scale(bool withForecast = true) => new()
    {
        Id = "hpa:checkout:638999", Service = "checkout", Timestamp = T0.AddSeconds(11), WindowEnd = T0.AddSeconds(10), Policy = "hpa",
        CurrentReplicas = 2, DesiredReplicas = 4, Rule = "scale-up", Mode = DecisionModes.Act,
        Inputs = new Dictionary<string, double> { ["utilization"] = 0.9, ["targetUtilization"] = 0.5 },
        Forecast = withForecast ? new ForecastInfo { Model = "holt-winters", HorizonSeconds = 60, Value = 80, Lower = 70, Upper = 95, Coverage = 0.9 } : null,
        Explanation = "utilization 0.90 > target 0.50, tolerance 0.1: ceil(2 × 0.9/0.5) = 4",
    };

    public static RouteDecision Route() => new()
    {
        Id = "eq:checkout:1", Service = "checkout", Timestamp = T0.AddSeconds(11), Policy = "equal",
        Weights = new Dictionary<string, double> { ["checkout-1"] = 3, ["checkout-2"] = 1, ["checkout-3"] = 0 },
        Ejected = ["checkout-3"], Explanation = "checkout-3 ejected after 5 consecutive errors",
    };

    public static ActuationResult Actuation() => new()
    {
        DecisionId = "hpa:checkout:638999", Kind = "scale", Service = "checkout", Target = "simulator", Timestamp = T0.AddSeconds(12),
        Status = ActuationStatuses.Applied, PreviousReplicas = 2, AppliedReplicas = 4, Message = "scaled 2 -> 4",
    };

    public static DeadLetter Dead(long offset = 1234) => new()
    {
        Stage = "features", SourceTopic = "pipeline.metrics", Partition = 2, Offset = offset, Key = "checkout",
        Reason = "utilization: must be within 0..1, was 7", OriginalBytes = [1, 2, 3], Timestamp = T0,
    };
}
