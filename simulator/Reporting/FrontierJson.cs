using System.Text.Json;
using Pipeline.Simulator.Frontier;

namespace Pipeline.Simulator.Reporting;

/// <summary>A frontier sweep as JSON: the floor, the SLA utilization, every run's point and each non-HPA run's ratios.</summary>
public static class FrontierJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Serialize(FrontierResult result) => JsonSerializer.Serialize(new
    {
        floor = result.Floor,
        slaUtilization = result.SlaUtilization,
        runs = result.Runs.Select(r => new
        {
            policy = r.Policy,
            setting = r.Setting,
            replicaHours = r.Result.ReplicaHours,
            slaViolationRate = r.Result.SlaViolationRate,
            avgResponseMs = r.Result.AvgResponseMs,
            utilization = r.Result.Utilization,
        }),
        comparisons = result.Comparisons.Select(c => new
        {
            policy = c.Point.Policy,
            setting = c.Point.Setting,
            excessViolationRate = c.Point.ExcessViolations,
            costRatioAtEqualViolations = c.CostRatio,
            violationRatioAtEqualCost = c.ViolationRatio,
            dominated = c.Dominated,
        }),
    }, Options);

    public static void Write(string path, FrontierResult result) => File.WriteAllText(path, Serialize(result));
}
