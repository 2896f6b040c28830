using Pipeline.Predictor.Forecasting;

namespace Pipeline.Predictor.Tests.Forecasting;

/// <summary>Synthetic series with known structure for forecaster tests.</summary>
internal static class Series
{
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A history of <paramref name="points"/> points spaced <paramref name="step"/>, value f(i), holding <paramref name="capacity"/> (default: all).</summary>
    public static RateHistory Build(TimeSpan step, int points, Func<int, double> f, int? capacity = null)
    {
        var history = new RateHistory(step, capacity ?? Math.Max(points, 2));
        for (var i = 0; i < points; i++) history.Append(Start + step * i, f(i));
        return history;
    }

    /// <summary>A daily sine around <paramref name="mean"/> with amplitude <paramref name="amplitude"/> at <paramref name="pointsPerDay"/> points a day.</summary>
    public static double DailySine(int i, int pointsPerDay, double mean, double amplitude) =>
        mean + amplitude * Math.Sin(2 * Math.PI * i / pointsPerDay);

    /// <summary>Standard normal draw (Box-Muller) from a seeded generator.</summary>
    public static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
