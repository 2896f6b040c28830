namespace Pipeline.Predictor.Routing;

/// <summary>Names of the routing policies built into the predictor.</summary>
public static class RoutingPolicyNames
{
    /// <summary>Equal weights over the ready replicas.</summary>
    public const string Equal = "equal";

    /// <summary>Weights learned online from each replica's capacity and latency response, with outlier ejection (predictor/Routing/Learned).</summary>
    public const string Learned = "learned";
}
