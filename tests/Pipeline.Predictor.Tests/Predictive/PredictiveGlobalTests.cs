using Pipeline.Predictor.Autoscaling.Predictive;
using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Gbm;

namespace Pipeline.Predictor.Tests.Predictive;

public class PredictiveGlobalTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private const int MinResiduals = 20;

    /// <summary>Hourly windows, one-hour start-up (horizons 1..2), a small fast gbm.</summary>
    private static PredictiveOptions Options(string forecaster) => new()
    {
        Forecaster = forecaster,
        TargetUtilization = 0.6,
        StartupDelay = Hour,
        ScaleDownStabilization = TimeSpan.Zero,
        UpperBoundUtilization = null,
        ExpectedUtilization = null,
        Forecasting = new ForecastingOptions { Gbm = { Trees = 30, MinTrainingRows = 60 }, MinResiduals = MinResiduals },
    };

    /// <summary>A daily sine with ±15% deterministic noise at <paramref name="scale"/>.</summary>
    private static double Daily(int i, double scale) =>
        scale * (400 + 250 * Math.Sin(2 * Math.PI * i / 24)) * (1 + 0.15 * (Math.Sin(i * 12.9898) * 43758.5453 % 1));

    /// <summary>Windows the service "new" falls back for after "old" has run nine days on the same policy.</summary>
    private static int FirstForecastWindow(string forecaster)
    {
        var policy = PredictiveRegistration.Create(Options(forecaster));
        new PolicyDriver(policy, Hour, service: "old").Run(Enumerable.Range(0, 24 * 9).Select(i => Daily(i, 1)));
        var fresh = new PolicyDriver(policy, Hour, service: "new");
        fresh.Skip(24 * 9);
        fresh.Run(Enumerable.Range(24 * 9, 24 * 9).Select(i => Daily(i, 2.5)));
        return fresh.Decisions.FindIndex(d => d.Inputs["fallback"] == 0) + 1;
    }

    [Fact]
    public void Decide_GbmGlobal_NewServiceUsesTheSharedModelOnceItsOwnIntervalsAreCalibrated()
    {
        var global = FirstForecastWindow(ForecasterNames.GbmGlobal);
        var perService = FirstForecastWindow(ForecasterNames.Gbm);

        // Forecasts from Lookback points on; the last horizon (2) has MinResiduals scored forecasts MinResiduals + 1 windows later.
        Assert.Equal(GbmFeatures.Lookback + MinResiduals + 1, global);
        // Per-service gbm first needs MinTrainingRows rows of the new service's own (Lookback + 2 + 60 points), then calibrates.
        Assert.True(perService >= GbmFeatures.Lookback + 2 + 60 + MinResiduals, $"per-service gbm used from window {perService}");
    }
}
