using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Autoscaling;
using Pipeline.Predictor.Autoscaling.Predictive;
using Pipeline.Predictor.Forecasting;

namespace Pipeline.Predictor.Tests.Predictive;

public class PredictivePolicyTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(15);

    /// <summary>Hourly windows so a day is 24 points; a small fast gbm; one-hour start-up so horizons are 1..2.</summary>
    private static PredictiveOptions HourlyOptions(string forecaster = ForecasterNames.Gbm, string reference = ForecasterNames.SeasonalNaive) => new()
    {
        Forecaster = forecaster,
        Reference = reference,
        TargetUtilization = 0.6,
        StartupDelay = Hour,
        ScaleDownStabilization = TimeSpan.Zero,
        UpperBoundUtilization = null,
        ExpectedUtilization = null,
        Forecasting = new ForecastingOptions { Gbm = { Trees = 30, MinTrainingRows = 60 }, MinResiduals = 20 },
    };

    private static readonly double[] Noise = Enumerable.Range(0, 24 * 12).Select(i => Math.Sin(i * 12.9898) * 43758.5453 % 1).ToArray();

    /// <summary>A daily sine with ±15% deterministic noise: seasonal-naive is not exact, so the learned model can beat it.</summary>
    private static double Daily(int i) => (400 + 250 * Math.Sin(2 * Math.PI * i / 24)) * (1 + 0.15 * Noise[i]);

    private static IAutoscalingPolicy Policy(PredictiveOptions options) => PredictiveRegistration.Create(options);

    /// <summary>A driver whose hourly service has run nine days of the daily load (<see cref="Daily"/>).</summary>
    private static PolicyDriver WarmDriver(PredictiveOptions options)
    {
        var driver = new PolicyDriver(Policy(options), Hour);
        driver.Run(Enumerable.Range(0, 24 * 9).Select(Daily));
        return driver;
    }

    [Fact]
    public void Decide_FirstWindow_FallsBackToTheReactiveFloorAndSaysWhy()
    {
        var driver = new PolicyDriver(Policy(new PredictiveOptions { TargetUtilization = 0.6 }), Window, replicas: 4);

        var decision = driver.Step(4 * PolicyDriver.Capacity * 0.9);

        Assert.Equal(PredictiveRules.Fallback, decision.Rule);
        Assert.Equal(6, decision.DesiredReplicas); // ceil(4 x 0.9 / 0.6)
        Assert.Contains("fallback to reactive: gbm-global cannot forecast yet (1 points of 15s held)", decision.Explanation);
        Assert.Null(decision.Forecast);
        Assert.Equal(1, decision.Inputs["fallback"]);
        Assert.Equal(0.6, decision.Inputs["floorUtilization"]); // no forecast: the HPA calculation at the target
    }

    [Fact]
    public void Decide_WarmSeasonalLoad_ScalesForTheUpperBoundAtTheStartupHorizon()
    {
        var options = HourlyOptions();
        var driver = WarmDriver(options);

        var decision = driver.Decisions[^1];

        Assert.True(decision.Rule == PredictiveRules.Forecast, decision.Explanation);
        var forecast = Assert.IsType<ForecastInfo>(decision.Forecast);
        Assert.Equal("gbm", forecast.Model);
        Assert.Contains(forecast.HorizonSeconds, new[] { 3600.0, 7200.0 });
        Assert.True(forecast.Lower <= forecast.Value && forecast.Value <= forecast.Upper);
        Assert.Equal((int)Math.Ceiling(forecast.Upper / (PolicyDriver.Capacity * 0.6)), decision.DesiredReplicas);
        Assert.Contains("gbm forecast", decision.Explanation);
        Assert.Contains("(90 % interval) at +", decision.Explanation);
        Assert.Contains("rule forecast", decision.Explanation);
        Assert.Contains("recent sMAPE", decision.Explanation);
        Assert.Contains("seasonal-naive", decision.Explanation);
        Assert.Equal(DecisionModes.Act, decision.Mode);
    }

    [Fact]
    public void Decide_WarmSeasonalLoad_ProvisionsAheadOfTheDailyRise()
    {
        var driver = WarmDriver(HourlyOptions());

        // Over the last day, replicas decided at hour i must cover the demand of hour i + 1 at the target utilization.
        var lastDay = driver.Decisions.Skip(driver.Decisions.Count - 24).ToList();
        var covered = lastDay.Take(23).Select((d, k) => d.DesiredReplicas * PolicyDriver.Capacity * 0.6 >= Daily(24 * 8 + k + 1)).Count(c => c);
        Assert.True(covered >= 17, $"only {covered} of 23 hours provisioned ahead");
    }

    [Fact]
    public void Decide_OccasionalBursts_ProvisionTheErrorsTailAtFullUtilization()
    {
        // 2.5x bursts every 29 hours (never at the same hour two days running, so nothing can forecast them): the largest
        // recent error at the forecast's level is provisioned at 100% utilization, on top of the upper bound at the target.
        static double Bursty(int i) => Daily(i) * (i % 29 == 13 ? 2.5 : 1);
        ScaleDecision[] Run(double? tail)
        {
            var options = HourlyOptions();
            options.Forecasting.TailProbability = tail;
            var driver = new PolicyDriver(Policy(options), Hour);
            driver.Run(Enumerable.Range(0, 24 * 11).Select(Bursty));
            return driver.Decisions.Skip(24 * 9).ToArray();
        }

        var on = Run(0.99);
        var off = Run(null);

        var forecasts = on.Where(d => d.Rule == PredictiveRules.Forecast).ToList();
        Assert.NotEmpty(forecasts);
        Assert.All(forecasts, d => Assert.True(d.DesiredReplicas >= Math.Ceiling(d.Inputs["forecastTail"] / PolicyDriver.Capacity), d.Explanation));
        Assert.Contains(forecasts, d => d.Explanation.Contains("the error's 99 % tail", StringComparison.Ordinal));
        Assert.All(off, d => Assert.True(double.IsNaN(d.Inputs["forecastTail"])));
        Assert.True(on.Sum(d => d.DesiredReplicas) > off.Sum(d => d.DesiredReplicas),
            $"tail on {on.Sum(d => d.DesiredReplicas)} replica-windows, off {off.Sum(d => d.DesiredReplicas)}");
    }

    [Fact]
    public void Decide_ModelWorseThanReference_FallsBackForDrift()
    {
        // A growing seasonal series: seasonal-naive (as the model) lags a day of growth; holt-winters tracks it.
        var options = HourlyOptions(forecaster: ForecasterNames.SeasonalNaive, reference: ForecasterNames.HoltWinters);
        options.RecurringDays = 0; // the growing series rises every day at every hour: the recurring rule would decide instead
        var driver = new PolicyDriver(Policy(options), Hour);
        driver.Run(Enumerable.Range(0, 24 * 8).Select(i => Daily(i) + 4.0 * i));

        var decision = driver.Decisions[^1];

        Assert.Equal(PredictiveRules.Fallback, decision.Rule);
        Assert.Contains("drift: seasonal-naive recent sMAPE", decision.Explanation);
        Assert.Contains("exceeds holt-winters", decision.Explanation);
        Assert.True(decision.Inputs["modelSmape"] > decision.Inputs["referenceSmape"]);
    }

    [Fact]
    public void Decide_SurgeAboveTheForecast_ReactiveFloorDecides()
    {
        var options = HourlyOptions();
        options.MaxScaleUpStep = 100;
        options.RecurringDays = 0; // the daily sine rises over the next hours on top of the surge: the recurring rule would add it
        var driver = WarmDriver(options);

        var decision = driver.Step(5 * Daily(24 * 9));

        Assert.True(decision.Rule == PredictiveRules.ReactiveFloor, decision.Explanation);
        Assert.True(decision.Inputs["reactiveFloor"] > decision.Inputs["forecastReplicas"]);
        Assert.Contains("reactive floor", decision.Explanation);
    }

    [Fact]
    public void Decide_LoadDrop_ScaleDownIsStabilized()
    {
        var options = new PredictiveOptions { TargetUtilization = 0.6, ScaleDownStabilization = TimeSpan.FromSeconds(60) };
        var driver = new PolicyDriver(Policy(options), Window, replicas: 4);
        driver.Step(4 * PolicyDriver.Capacity * 0.9); // -> 6

        var decision = driver.Step(0.6 * PolicyDriver.Capacity); // floor 1

        Assert.Equal(PredictiveRules.Stabilized, decision.Rule);
        Assert.Equal(6, decision.DesiredReplicas);
        Assert.Contains("scale-down stabilized at 6", decision.Explanation);
    }

    [Fact]
    public void Decide_HugeJump_IsLimitedToTheMaximumStep()
    {
        var options = new PredictiveOptions { TargetUtilization = 0.6 };
        var driver = new PolicyDriver(Policy(options), Window, replicas: 2);

        var decision = driver.Step(2 * PolicyDriver.Capacity); // utilization 1.0 -> floor ceil(2 / 0.6) = 4 ... then more

        Assert.Equal(4, decision.DesiredReplicas);
        var jump = new PolicyDriver(Policy(new PredictiveOptions { TargetUtilization = 0.1 }), Window, replicas: 2).Step(2 * PolicyDriver.Capacity);
        Assert.Equal(PredictiveRules.RateLimited, jump.Rule);
        Assert.Equal(6, jump.DesiredReplicas); // wanted 20, at most +max(4, 2)
        Assert.Contains("step limited to 6", jump.Explanation);
    }

    [Fact]
    public void Decide_AboveMaxReplicas_IsBounded()
    {
        var driver = new PolicyDriver(Policy(new PredictiveOptions { TargetUtilization = 0.6 }), Window, replicas: 4, maxReplicas: 5);

        var decision = driver.Step(4 * PolicyDriver.Capacity);

        Assert.Equal(PredictiveRules.Bound, decision.Rule);
        Assert.Equal(5, decision.DesiredReplicas);
        Assert.Contains("bounded to 5 by [1, 5]", decision.Explanation);
    }

    [Fact]
    public void Decide_ForecastOnly_PublishesRecommendations()
    {
        var driver = new PolicyDriver(Policy(new PredictiveOptions { ForecastOnly = true }), Window);

        Assert.Equal(DecisionModes.Recommend, driver.Step(30).Mode);
    }

    [Fact]
    public void AddPredictive_UnknownForecaster_IsRejectedWithTheKnownNames()
    {
        var error = Assert.Throws<ArgumentException>(() => AutoscalingPolicyRegistry.CreateDefault().AddPredictive(new PredictiveOptions { Forecaster = "prophet" }));

        Assert.Contains("known: gbm, gbm-global, holt-winters, seasonal-naive", error.Message);
    }

    [Fact]
    public void AddPredictive_Registers_UnderItsName()
    {
        var registry = AutoscalingPolicyRegistry.CreateDefault().AddPredictive();

        Assert.Equal(AutoscalingPolicyNames.Predictive, registry.Create(AutoscalingPolicyNames.Predictive).Name);
    }

    [Fact]
    public void Decide_SaturatedWithBacklog_FloorFollowsArrivalsNotCappedUtilization()
    {
        var options = new PredictiveOptions { TargetUtilization = 0.6, MaxScaleUpStep = 100 };
        var driver = new PolicyDriver(Policy(options), Window, replicas: 4);
        driver.Step(4 * PolicyDriver.Capacity * 0.5); // learns the capacity (40 req/s per replica)

        // 10x the capacity arrives; utilization saturates at 1.0, which alone would ask for ceil(4 / 0.6) = 7.
        var decision = driver.Step(40 * PolicyDriver.Capacity);

        Assert.Equal(PredictiveRules.Fallback, decision.Rule);
        Assert.Equal((int)Math.Ceiling(40 / 0.6), decision.DesiredReplicas);
    }

    [Fact]
    public void Decide_AfterRestartWithStateDirectory_ForecastsAtOnce()
    {
        var dir = Path.Combine(Path.GetTempPath(), "predictive-state-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = HourlyOptions();
            options.StateDirectory = dir;
            var before = new PolicyDriver(Policy(options), Hour);
            before.Run(Enumerable.Range(0, 24 * 9).Select(Daily));
            Assert.True(File.Exists(Path.Combine(dir, "svc", "gbm.current")), "no model pointer written"); // versioned model folder behind an atomically replaced pointer

            // A new policy instance (a restarted predictor) continues from the persisted history and model.
            var after = new PolicyDriver(Policy(options), Hour) { Replicas = before.Replicas };
            after.Skip(24 * 9);
            var decision = after.Step(Daily(24 * 9));

            Assert.True(decision.Rule == PredictiveRules.Forecast, decision.Explanation);
            Assert.NotNull(decision.Forecast);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Decide_RateInsideTheForecastInterval_FloorSizedAtTheExpectedUtilization()
    {
        var options = HourlyOptions();
        options.ExpectedUtilization = 0.9;
        var driver = WarmDriver(options);
        var previous = driver.Decisions[^1].Forecast!;

        // Exactly the point the model forecast one hour ago for this hour: inside its interval, no surprise.
        var rate = Math.Max(previous.Lower, Math.Min(previous.Upper, Daily(24 * 9)));
        var decision = driver.Step(rate);

        Assert.Equal(0.9, decision.Inputs["floorUtilization"]);
        Assert.Contains("inside the forecast interval", decision.Explanation);
        Assert.True(decision.Inputs["reactiveFloor"] <= Math.Ceiling(rate / (PolicyDriver.Capacity * 0.9)), decision.Explanation);
    }

    [Fact]
    public void Decide_RateAboveTheForecastsUpperBound_FloorIsTheHpaCalculationAtTheTarget()
    {
        var options = HourlyOptions();
        options.ExpectedUtilization = 0.9;
        options.MaxScaleUpStep = 100;
        options.SaturatedSurprise = false; // the two-window rule alone (5x saturates the replicas: see the next tests)
        var driver = WarmDriver(options);

        var first = driver.Step(5 * Daily(24 * 9));
        var decision = driver.Step(5 * Daily(24 * 9 + 1));

        // One window above a 90% interval's upper bound is the interval working as stated (5% of windows): the observed
        // rate is sized at the expected utilization; the second window in a row is the surprise.
        Assert.Equal(0.9, first.Inputs["floorUtilization"]);
        Assert.Contains("window 1 of the 2 in a row that make a surprise", first.Explanation);
        Assert.Equal(0.6, decision.Inputs["floorUtilization"]);
        Assert.Contains("surprise", decision.Explanation);
        var atTarget = Math.Ceiling(5 * Daily(24 * 9 + 1) / (PolicyDriver.Capacity * 0.6));
        Assert.True(decision.Inputs["reactiveFloor"] >= atTarget, decision.Explanation);
        Assert.True(decision.DesiredReplicas >= atTarget, decision.Explanation);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Decide_OneWindowAboveTheBoundTheReplicasCannotServe_IsASurpriseAtOnceWhenOn(bool saturatedSurprise)
    {
        var options = HourlyOptions();
        options.ExpectedUtilization = 0.9;
        options.MaxScaleUpStep = 100;
        options.SaturatedSurprise = saturatedSurprise;
        var driver = WarmDriver(options);
        var rate = 5 * Daily(24 * 9);
        Assert.True(rate > driver.Replicas * PolicyDriver.Capacity, "precondition: the ready replicas cannot serve the window");

        var first = driver.Step(rate);

        if (saturatedSurprise)
        {
            Assert.Equal(0.6, first.Inputs["floorUtilization"]);
            Assert.Contains("surprise", first.Explanation);
            Assert.Contains("and more than the ready replicas can serve", first.Explanation);
            Assert.True(first.DesiredReplicas >= Math.Ceiling(rate / (PolicyDriver.Capacity * 0.6)), first.Explanation);
        }
        else
        {
            Assert.Equal(0.9, first.Inputs["floorUtilization"]);
            Assert.Contains("window 1 of the 2 in a row that make a surprise", first.Explanation);
        }
    }

    [Fact]
    public void Decide_OneWindowAboveTheBoundTheReplicasServe_WaitsForTheSecondWindow()
    {
        var options = HourlyOptions();
        options.ExpectedUtilization = 0.9;
        var driver = WarmDriver(options);
        // Just under what the ready replicas serve: above the upper bound they were sized for at 0.8 or less.
        var first = driver.Step(driver.Replicas * PolicyDriver.Capacity * 0.99);

        Assert.Equal(0.9, first.Inputs["floorUtilization"]);
        Assert.Contains("window 1 of the 2 in a row that make a surprise", first.Explanation);
        Assert.DoesNotContain("ready replicas can serve", first.Explanation);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Decide_SurpriseLikeOneThatKeptRising_SizesForThatRiseAtOnce(bool surgeGrowth)
    {
        // Seasonal naive: a day-old surge does not move today's forecast, so the second surge is a surprise as the first was.
        var options = HourlyOptions(ForecasterNames.SeasonalNaive);
        options.ExpectedUtilization = 0.9;
        options.SurgeGrowth = surgeGrowth;
        options.Forecasting.ResidualWindow = 48; // two days: the first surge's errors have left the intervals by the second
        var driver = new PolicyDriver(Policy(options), Hour, maxReplicas: 1000);
        driver.Run(Enumerable.Range(0, 24 * 8).Select(Daily));
        // A flash crowd rising through two windows above the forecast (the surprise), then twice that by the time replicas
        // requested then are ready (the start-up delay and a window: two windows here); then the daily load for three days.
        driver.Run([3 * Daily(192), 9 * Daily(193), 18 * Daily(194), 18 * Daily(195)]);
        driver.Run(Enumerable.Range(196, 72).Select(i => Daily(i % 192)));

        driver.Step(3 * Daily(76));
        var current = driver.Replicas;
        var decision = driver.Step(9 * Daily(77));

        Assert.Contains("surprise", decision.Explanation);
        var atTarget = Math.Ceiling(9 * Daily(77) / (PolicyDriver.Capacity * 0.6));
        var growth = 18 * Daily(195) / (9 * Daily(193));
        if (surgeGrowth)
        {
            // The last surprise of this size rose x~2 by the time its replicas were ready: sized for that, at once.
            Assert.True(decision.Inputs["reactiveFloor"] >= Math.Floor(atTarget * growth * 0.99), decision.Explanation);
            Assert.True(decision.DesiredReplicas >= decision.Inputs["reactiveFloor"], decision.Explanation);
            Assert.Contains("the rise of this service's last surprise of that size", decision.Explanation);
        }
        else
        {
            Assert.True(decision.Inputs["reactiveFloor"] < atTarget * 1.2, decision.Explanation);
            Assert.True(decision.DesiredReplicas <= current + Math.Max(options.MaxScaleUpStep, current), decision.Explanation);
            Assert.DoesNotContain("last surprise", decision.Explanation);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    public void AddPredictive_ExpectedUtilizationOutOfRange_IsRejectedNamingTheOption(double value)
    {
        var error = Assert.Throws<ArgumentException>(() => AutoscalingPolicyRegistry.CreateDefault().AddPredictive(new PredictiveOptions { ExpectedUtilization = value }));

        Assert.Contains("Predictive.ExpectedUtilization", error.Message);
    }
}
