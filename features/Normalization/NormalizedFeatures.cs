namespace Pipeline.Features.Normalization;

/// <summary>Keys of <c>FeatureWindow.Normalized</c>: the window's main features, named like their JSON properties.</summary>
public static class NormalizedFeatures
{
    public const string RequestRate = "requestRate";
    public const string Utilization = "utilization";
    public const string LatencyP95Ms = "latencyP95Ms";
    public const string ErrorRate = "errorRate";

    /// <summary>All keys, in a fixed order.</summary>
    public static IReadOnlyList<string> All { get; } = [RequestRate, Utilization, LatencyP95Ms, ErrorRate];
}
