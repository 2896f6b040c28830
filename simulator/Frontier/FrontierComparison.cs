namespace Pipeline.Simulator.Frontier;

/// <summary>A policy's point against the frontier.</summary>
/// <param name="Point">The policy's point.</param>
/// <param name="CostRatio">Its cost / the frontier's cost at its excess violations; null outside the frontier's range.</param>
/// <param name="ViolationRatio">Its excess violations / the frontier's at its cost; null outside the frontier's range or where the frontier is at the floor.</param>
/// <param name="Dominated">Whether a frontier point is at least as good on both axes and better on one.</param>
public sealed record FrontierComparison(FrontierPoint Point, double? CostRatio, double? ViolationRatio, bool Dominated)
{
    /// <summary>Compares <paramref name="point"/> with <paramref name="frontier"/>.</summary>
    public static FrontierComparison Of(FrontierPoint point, FrontierCurve frontier)
    {
        var cost = frontier.CostAt(point.ExcessViolations);
        var violations = frontier.ViolationsAt(point.ReplicaHours);
        return new(point,
            cost is > 0 ? point.ReplicaHours / cost : null,
            violations is > 0 ? point.ExcessViolations / violations : null,
            frontier.Dominates(point));
    }
}
