namespace Pipeline.Simulator.Traces.Shapes;

/// <summary>
/// Synthetic request-count traces of the workload shapes a policy must handle besides the shared traces (one row per
/// minute, deterministic given the seed): smooth diurnal load, flash crowds, a daily outage after which the full load
/// returns at once, and sparse serverless bursts. They exist to test generalization, not to tune on.
/// </summary>
public static class TraceShapes
{
    public const string SmoothDiurnal = "smooth-diurnal";
    public const string FlashCrowd = "flash-crowd";
    public const string DailyOutage = "daily-outage";
    public const string SparseBursts = "sparse-bursts";

    /// <summary>Every shape, in the order reports list them.</summary>
    public static IReadOnlyList<string> All { get; } = [SmoothDiurnal, FlashCrowd, DailyOutage, SparseBursts];

    /// <summary>Midnight UTC of the first row (a Monday, so day-of-week features see a normal week).</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary><paramref name="days"/> of the named shape, one row per minute.</summary>
    public static Trace Create(string shape, double days, int seed = 42)
    {
        if (!(days > 0 && days <= 366)) throw new ArgumentException($"days: must be in (0, 366], was {days}");
        var minutes = (int)Math.Ceiling(days * 1440);
        var random = new Random(seed);
        double[] rows = shape switch
        {
            SmoothDiurnal => ShapeRows.Diurnal(minutes, random, noise: 0.03),
            FlashCrowd => ShapeRows.FlashCrowds(minutes, random),
            DailyOutage => ShapeRows.DailyOutage(minutes, random),
            SparseBursts => ShapeRows.SparseBursts(minutes, random),
            _ => throw new ArgumentException($"unknown shape '{shape}'; known shapes: {string.Join(", ", All)}"),
        };
        return new Trace(shape, Start, TimeSpan.FromMinutes(1), rows);
    }
}
