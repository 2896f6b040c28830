using Pipeline.Predictor.Forecasting.Intervals;

namespace Pipeline.Predictor.Tests.Forecasting;

public class ConformalCalibratorTests
{
    /// <summary>
    /// The local bounds must equal the definition computed the straightforward way (sort every held residual by level
    /// distance, keep the nearest k, sort those, take the conformal order statistics) on the values in the same ring
    /// order. Levels drawn from a few values make ties at the cut common, levels drawn from a continuum make them rare,
    /// so both the linear-time pick and the full-sort path are exercised. A compact calibrator (float32 windows) must equal
    /// the definition on the float32-rounded values.
    /// </summary>
    [Theory]
    [InlineData(4, 500, false)]
    [InlineData(1_000_000, 500, false)]
    [InlineData(1_000_000, 40, false)]
    [InlineData(7, 25, false)]
    [InlineData(4, 500, true)]
    [InlineData(1_000_000, 500, true)]
    public void Bounds_LocalFraction_MatchesFullSortDefinition(int distinctLevels, int window, bool compact)
    {
        var random = new Random(11);
        var calibrator = new ConformalCalibrator(window, 0.9, 1.0 / 3, compact);
        var residuals = new double[window];
        var levels = new double[window];
        for (var added = 0; added < 3 * window; added++)
        {
            var level = random.Next(distinctLevels) / (double)distinctLevels * 8;
            var residual = Math.Round(random.NextDouble() - 0.5, 2);
            calibrator.Add(residual, level);
            residuals[added % window] = compact ? (double)(Half)residual : residual;
            levels[added % window] = compact ? (double)(Half)level : level;
            var n = Math.Min(added + 1, window);
            var query = added % 3 == 0 ? levels[random.Next(n)] : random.NextDouble() * 8;
            Assert.Equal(Reference(residuals.AsSpan(0, n).ToArray(), levels.AsSpan(0, n).ToArray(), query), calibrator.Bounds(query));
        }
    }

    [Theory]
    [InlineData(0.99, 500)]
    [InlineData(0.95, 500)]
    [InlineData(0.99, 25)]
    public void Quantile_LocalFraction_IsTheOrderStatisticOfTheNearestResiduals(double probability, int window)
    {
        var random = new Random(5);
        var calibrator = new ConformalCalibrator(window, 0.9, 1.0 / 3);
        var residuals = new List<double>();
        var levels = new List<double>();
        for (var added = 0; added < 2 * window; added++)
        {
            var level = random.NextDouble() * 8;
            var residual = random.NextDouble() - 0.5;
            calibrator.Add(residual, level);
            residuals.Add(residual);
            levels.Add(level);
            if (residuals.Count > window)
            {
                residuals.RemoveAt(0);
                levels.RemoveAt(0);
            }
            var query = random.NextDouble() * 8;
            var n = residuals.Count;
            var k = n >= 3 ? Math.Max(Math.Min(n, 30), (int)Math.Ceiling(n / 3.0)) : n;
            var kept = residuals.Zip(levels).OrderBy(p => Math.Abs(p.Second - query)).Take(k).Select(p => p.First).Order().ToArray();
            var expected = kept[Math.Clamp((int)Math.Ceiling((k + 1) * probability), 1, k) - 1];
            Assert.Equal(expected, calibrator.Quantile(probability, query));
        }
    }

    private static (double Low, double High) Reference(double[] residuals, double[] levels, double query)
    {
        var n = residuals.Length;
        var k = n;
        if (n >= 3)
        {
            var distance = levels.Select(l => Math.Abs(l - query)).ToArray();
            distance.AsSpan().Sort(residuals.AsSpan());
            k = Math.Max(Math.Min(n, 30), (int)Math.Ceiling(n / 3.0));
        }
        var kept = residuals.AsSpan(0, k).ToArray();
        Array.Sort(kept);
        var alpha = 1 - 0.9;
        var lo = (int)Math.Floor((k + 1) * alpha / 2);
        var hi = (int)Math.Ceiling((k + 1) * (1 - alpha / 2));
        return (kept[Math.Clamp(lo, 1, k) - 1], kept[Math.Clamp(hi, 1, k) - 1]);
    }
}
