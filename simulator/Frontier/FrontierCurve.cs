namespace Pipeline.Simulator.Frontier;

/// <summary>
/// A cost/violations frontier (e.g. the HPA swept over its target): its Pareto-efficient points, sorted by cost
/// (violations then fall), joined piecewise-linearly. Between two points a policy's cost at equal violations and its
/// violations at equal cost are interpolated; outside the swept range they are unknown (null), never extrapolated.
/// </summary>
public sealed class FrontierCurve
{
    /// <summary>Builds the curve from <paramref name="points"/>, dropping every point another one dominates.</summary>
    public FrontierCurve(IEnumerable<FrontierPoint> points)
    {
        var efficient = new List<FrontierPoint>();
        foreach (var p in points.OrderBy(p => p.ReplicaHours).ThenBy(p => p.ExcessViolations))
        {
            if (efficient.Count == 0 || p.ExcessViolations < efficient[^1].ExcessViolations) efficient.Add(p);
        }
        Points = efficient;
    }

    /// <summary>The efficient points, cost ascending (violations descending).</summary>
    public IReadOnlyList<FrontierPoint> Points { get; }

    /// <summary>The frontier's cost at <paramref name="excessViolations"/>; null outside the points' violation range.</summary>
    public double? CostAt(double excessViolations)
    {
        for (var i = 0; i + 1 < Points.Count; i++)
        {
            var (a, b) = (Points[i], Points[i + 1]);
            if (excessViolations <= a.ExcessViolations && excessViolations >= b.ExcessViolations)
                return Lerp(a.ExcessViolations, a.ReplicaHours, b.ExcessViolations, b.ReplicaHours, excessViolations);
        }
        return Points.Count == 1 && Points[0].ExcessViolations == excessViolations ? Points[0].ReplicaHours : null;
    }

    /// <summary>The frontier's excess violations at <paramref name="replicaHours"/>; null outside the points' cost range.</summary>
    public double? ViolationsAt(double replicaHours)
    {
        for (var i = 0; i + 1 < Points.Count; i++)
        {
            var (a, b) = (Points[i], Points[i + 1]);
            if (replicaHours >= a.ReplicaHours && replicaHours <= b.ReplicaHours)
                return Lerp(a.ReplicaHours, a.ExcessViolations, b.ReplicaHours, b.ExcessViolations, replicaHours);
        }
        return Points.Count == 1 && Points[0].ReplicaHours == replicaHours ? Points[0].ExcessViolations : null;
    }

    /// <summary>Whether a frontier point is at least as good on both axes and better on one.</summary>
    public bool Dominates(FrontierPoint p) => Points.Any(f =>
        f.ReplicaHours <= p.ReplicaHours && f.ExcessViolations <= p.ExcessViolations
        && (f.ReplicaHours < p.ReplicaHours || f.ExcessViolations < p.ExcessViolations));

    private static double Lerp(double x0, double y0, double x1, double y1, double x) =>
        x1 == x0 ? Math.Min(y0, y1) : y0 + (y1 - y0) * (x - x0) / (x1 - x0);
}
