using Pipeline.Predictor.Forecasting.Intervals;

namespace Pipeline.Predictor.Tests.Forecasting;

public class ConformalCalibratorTests
{
    /// <summary>
    /// The local bounds must equal the definition computed the straightforward way (sort every held residual by level
    /// distance, the newest first among equal distances, keep the nearest k, sort those, take the conformal order
    /// statistics). Levels drawn from a few values make ties at the cut common, levels drawn from a continuum make them
    /// rare, so both are exercised. A compact calibrator (float16 windows) must equal
    /// the definition on the float16-rounded values.
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
            Assert.Equal(Reference(residuals.AsSpan(0, n).ToArray(), levels.AsSpan(0, n).ToArray(), query, added % window), calibrator.Bounds(query));
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
            var kept = residuals.Zip(levels, (r, l) => (r, l)).Select((p, age) => (p.r, Distance: Math.Abs(p.l - query), age))
                .OrderBy(p => p.Distance).ThenByDescending(p => p.age).Take(k).Select(p => p.r).Order().ToArray();
            var expected = kept[Math.Clamp((int)Math.Ceiling((k + 1) * probability), 1, k) - 1];
            Assert.Equal(expected, calibrator.Quantile(probability, query));
        }
    }

    /// <summary>
    /// One pick of the nearest residuals for the bounds and the tail must give what <see cref="ConformalCalibrator.Bounds"/>
    /// and <see cref="ConformalCalibrator.Quantile"/> give on their own, for a tail above, inside and below the interval,
    /// with ties at the cut (few distinct levels) and without, and from the cache when nothing changed.
    /// </summary>
    [Theory]
    [InlineData(0.99, 4)]
    [InlineData(0.99, 1_000_000)]
    [InlineData(0.6, 1_000_000)]
    [InlineData(0.01, 7)]
    public void Calibrate_EqualsBoundsAndQuantileCalledApart(double probability, int distinctLevels)
    {
        var random = new Random(23);
        var together = new ConformalCalibrator(500, 0.9, 1.0 / 3);
        var apart = new ConformalCalibrator(500, 0.9, 1.0 / 3);
        for (var added = 0; added < 1500; added++)
        {
            var level = random.Next(distinctLevels) / (double)distinctLevels * 8;
            var residual = Math.Round(random.NextDouble() - 0.5, 2);
            together.Add(residual, level);
            apart.Add(residual, level);
            var query = random.NextDouble() * 8;
            var (low, high) = apart.Bounds(query);
            var expected = (low, high, apart.Quantile(probability, query));
            Assert.Equal(expected, together.Calibrate(query, probability));
            Assert.Equal(expected, together.Calibrate(query, probability));
            Assert.Equal((low, high, double.NaN), together.Calibrate(query, null));
        }
    }

    /// <summary>The conformal bounds by definition; <paramref name="newest"/> is the ring slot of the newest residual.</summary>
    private static (double Low, double High) Reference(double[] residuals, double[] levels, double query, int newest)
    {
        var n = residuals.Length;
        var k = n;
        if (n >= 3)
        {
            residuals = Enumerable.Range(0, n).OrderBy(i => Math.Abs(levels[i] - query)).ThenBy(i => (newest - i + n) % n)
                .Select(i => residuals[i]).ToArray();
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
