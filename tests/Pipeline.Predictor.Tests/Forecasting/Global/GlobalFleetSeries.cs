using Pipeline.Predictor.Forecasting;

namespace Pipeline.Predictor.Tests.Forecasting.Global;

/// <summary>Services of one shape (a daily sine at 15-minute points) at different scales and noise, for global-model tests.</summary>
internal static class GlobalFleetSeries
{
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(15);
    public const int PerDay = 96;

    /// <summary>Point i of a service at <paramref name="scale"/> with multiplicative noise of standard deviation <paramref name="noise"/>.</summary>
    public static double Rate(int i, double scale, double noise, Random random) =>
        scale * Series.DailySine(i, PerDay, 1, 0.6) * Math.Exp(noise * Series.Gaussian(random));

    /// <summary>A history of <paramref name="points"/> points of one service.</summary>
    public static RateHistory Build(int points, double scale, double noise, int seed)
    {
        var random = new Random(seed);
        return Series.Build(Step, points, i => Rate(i, scale, noise, random));
    }

    public static ForecastingOptions Options() => new() { Gbm = { Horizons = 2, Trees = 60 }, GlobalGbm = { MaxTrainingRows = 5000 } };
}
