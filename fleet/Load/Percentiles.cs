namespace Pipeline.Fleet.Load;

/// <summary>Nearest-rank percentiles over a sample of milliseconds.</summary>
internal static class Percentiles
{
    public static LatencySummary Summarize(List<double> values)
    {
        if (values.Count == 0) return new LatencySummary(0, 0, 0, 0, 0, 0);
        values.Sort();
        return new LatencySummary(values.Count, At(values, 0.50), At(values, 0.95), At(values, 0.99), values.Average(), values[^1]);
    }

    /// <summary>The nearest-rank <paramref name="p"/> quantile of sorted <paramref name="sorted"/> (0 when empty).</summary>
    public static double At(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
