using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Gbm;
using Pipeline.Predictor.Forecasting.Global;

namespace Pipeline.Predictor.Tests.Forecasting.Global;

public class GlobalRowReservoirTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    /// <summary>Whole rates below 256: bfloat16 holds them exactly, so a compact history's recent points equal the exact ones.</summary>
    private static double Rate(int i, Random random) => Math.Round(120 + 80 * Math.Sin(i / 40.0) + 20 * random.NextDouble());

    /// <summary>
    /// Offered after every point, a compact history with 200 points at full resolution yields the rows an exact history
    /// of the same points gives at the same origins (under a day: no seasonal lags), never rows whose look-back reads
    /// bucket means; about the keep share of the origins is kept.
    /// </summary>
    [Fact]
    public void Offer_CompactHistoryWithShortFullResolution_CapturesFullResolutionRows()
    {
        var random = new Random(1);
        var exact = new RateHistory(Step, 2000);
        var compact = new RateHistory(Step, 2000, new HistoryCompaction(200, 5));
        var reservoir = new GlobalRowReservoir(10_000, 3, seed: 7, Step);
        var next = 0L;
        for (var i = 0; i < 1200; i++)
        {
            var rate = Rate(i, random);
            exact.Append(Series.Start + Step * i, rate);
            compact.Append(Series.Start + Step * i, rate);
            next = reservoir.Offer(compact, next, 0.5);
        }
        var origins = 1200 - 3 - (GbmFeatures.Lookback - 1);
        Assert.InRange(reservoir.Count, 0.45 * origins, 0.55 * origins);
        Assert.True(compact.FullResolutionFrom > 900, "most of the history is held as bucket means");
        var rows = reservoir.Rows();
        for (var h = 1; h <= 3; h++)
        {
            var expected = Enumerable.Range(GbmFeatures.Lookback - 1, origins).Select(t => GbmTrainer.Row(exact, t, h)).ToList();
            Assert.All(rows[h - 1], row => Assert.Contains(expected, e => e.Label == row.Label && e.Features.SequenceEqual(row.Features)));
        }
        // Offered late, all at once: only the origins whose look-back is still at full resolution.
        var late = new GlobalRowReservoir(10_000, 3, seed: 7, Step);
        late.Offer(compact, 0, 1);
        Assert.Equal(compact.LastIndex - 3 - (compact.FullResolutionFrom + GbmFeatures.Lookback - 1) + 1, late.Count);
    }

    /// <summary>
    /// The calendar features a row gets back from its origin's stored time equal the ones computed from the history,
    /// across midnight and from Saturday into Sunday (day of week 6 to 0), at 15 s steps whose targets are not whole minutes.
    /// </summary>
    [Fact]
    public void Rows_AcrossTheWeekBoundary_CalendarFeaturesAsComputed()
    {
        var step = TimeSpan.FromSeconds(15);
        var saturdayNight = new DateTimeOffset(2024, 1, 6, 23, 40, 0, TimeSpan.Zero);
        Assert.Equal(DayOfWeek.Saturday, saturdayNight.DayOfWeek);
        var random = new Random(5);
        var history = new RateHistory(step, 2000);
        var reservoir = new GlobalRowReservoir(1000, 6, seed: 1, step);
        var next = 0L;
        for (var i = 0; i < 240; i++)
        {
            history.Append(saturdayNight + step * i, Rate(i, random));
            next = reservoir.Offer(history, next, 1);
        }
        var rows = reservoir.Rows();
        var origins = 240 - 6 - (GbmFeatures.Lookback - 1);
        Assert.Equal(origins, reservoir.Count);
        for (var h = 1; h <= 6; h++)
        {
            var expected = Enumerable.Range(0, origins).Select(k => GbmTrainer.Row(history, history.LastIndex - 6 - (origins - 1 - k), h)).ToList();
            Assert.All(expected.Zip(rows[h - 1]), p => Assert.Equal(p.First.Features, p.Second.Features));
            Assert.Contains(rows[h - 1], r => r.Features[16] == (int)DayOfWeek.Saturday);
            Assert.Contains(rows[h - 1], r => r.Features[16] == (int)DayOfWeek.Sunday);
        }
    }

    /// <summary>
    /// Over capacity a kept origin takes a slot drawn at random: the newest origin is held, every held row is an origin's
    /// row, and an origin is offered once however often it is offered.
    /// </summary>
    [Fact]
    public void Rows_OverCapacity_NewestHeldEachOriginOnce()
    {
        var random = new Random(2);
        var history = new RateHistory(Step, 2000);
        var reservoir = new GlobalRowReservoir(50, 1, seed: 3, Step);
        var next = 0L;
        for (var i = 0; i < 400; i++)
        {
            history.Append(Series.Start + Step * i, Rate(i, random));
            next = reservoir.Offer(history, next, 1);
            next = reservoir.Offer(history, next, 1);
        }
        var rows = reservoir.Rows()[0];
        Assert.Equal(50, rows.Count);
        var origins = Enumerable.Range(GbmFeatures.Lookback - 1, 399 - (GbmFeatures.Lookback - 1)).ToDictionary(t => Key(GbmTrainer.Row(history, t, 1)), t => t);
        var held = rows.Select(r => origins[Key(r)]).ToList();
        Assert.Equal(held.Count, held.Distinct().Count());
        Assert.Contains(398, held);
    }

    /// <summary>
    /// Offered with keep = capacity / origins seen (Vitter's Algorithm R: the random slot is what makes the sample
    /// uniform), the slots hold a uniform sample of every origin offered: about as many from the older half as from the
    /// newer, where a ring of the newest would hold none of the older.
    /// </summary>
    [Fact]
    public void Offer_KeepCapacityOverSeen_UniformOverTheHistory()
    {
        var random = new Random(6);
        var history = new RateHistory(Step, 5000);
        var reservoir = new GlobalRowReservoir(200, 1, seed: 8, Step);
        var (next, seen) = (0L, 0);
        for (var i = 0; i < 4000; i++)
        {
            history.Append(Series.Start + Step * i, Rate(i, random));
            if (i >= GbmFeatures.Lookback) seen++;
            next = reservoir.Offer(history, next, Math.Min(1, 200.0 / Math.Max(1, seen)));
        }
        Assert.Equal(200, reservoir.Count);
        var origins = Enumerable.Range(GbmFeatures.Lookback - 1, 3999 - (GbmFeatures.Lookback - 1))
            .ToDictionary(t => Key(GbmTrainer.Row(history, t, 1)), t => t);
        var held = reservoir.Rows()[0].Select(r => origins[Key(r)]).ToList();
        Assert.Equal(200, held.Distinct().Count());
        Assert.InRange(held.Count(t => t < 2000), 70, 130); // binomial(200, ~0.5): 4 standard deviations either side
    }

    private static string Key(GbmRow row) => $"{row.Label}|{string.Join(',', row.Features)}";

    /// <summary>
    /// The fleet keeps an offered origin with probability (recency + 1) × capacity / (services × origin window): a lone
    /// service keeps every origin (here 3 × 2,000 / 1,440 > 1), ten services about 3 × 2,000 / 14,400 = 0.42 of them.
    /// </summary>
    [Theory]
    [InlineData(1, 1.0, 1.0)]
    [InlineData(10, 0.38, 0.46)]
    public void GlobalGbm_CapturedShare_FromRecencyCapacityServicesAndWindow(int services, double low, double high)
    {
        var options = new ForecastingOptions { Gbm = { Horizons = 2, Trees = 5 }, GlobalGbm = { MaxTrainingRows = 2000, OriginWindow = TimeSpan.FromDays(1), MinOriginPoints = 100 } };
        var fleet = new GlobalGbm(options, 2, trainer: null);
        var random = new Random(9);
        var histories = Enumerable.Range(0, services).Select(_ => new RateHistory(Step, 3000, new HistoryCompaction(150, 5))).ToArray();
        var views = histories.Select((h, s) => fleet.Join($"s{s}", h)).ToArray();
        var output = new double[2];
        for (var i = 0; i < 400; i++)
        {
            for (var s = 0; s < services; s++)
            {
                histories[s].Append(Series.Start + Step * i, Rate(i + 100 * s, random));
                views[s].TryForecast(histories[s], [1, 2], output);
            }
        }
        var offered = services * (400 - 2 - (GbmFeatures.Lookback - 1)); // under the 2,000 slots either way
        Assert.InRange(fleet.CapturedRows!.Value, low * offered, high * offered);
    }

    /// <summary>
    /// A fleet of compact histories holding less than an origin window at full resolution trains on captured rows; a
    /// fleet of exact histories samples its histories as before.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void GlobalGbm_ShortFullResolution_TrainsOnCapturedRows(bool compact)
    {
        var options = new ForecastingOptions { Gbm = { Horizons = 2, Trees = 20 }, GlobalGbm = { MaxTrainingRows = 2000, MinOriginPoints = 500 } };
        var fleet = new GlobalGbm(options, 2, Pipeline.Predictor.Forecasting.Training.TrainerModes.Synchronous);
        var random = new Random(4);
        var histories = Enumerable.Range(0, 3).Select(_ => new RateHistory(Step, 3000, compact ? new HistoryCompaction(150, 5) : null)).ToArray();
        var views = histories.Select((h, s) => fleet.Join($"s{s}", h)).ToArray();
        var output = new double[2];
        for (var i = 0; i < 1500; i++)
        {
            for (var s = 0; s < histories.Length; s++)
            {
                histories[s].Append(Series.Start + Step * i, Rate(i + 100 * s, random));
                views[s].TryForecast(histories[s], [1, 2], output);
            }
        }
        Assert.NotNull(fleet.Model);
        if (compact) Assert.InRange(fleet.CapturedRows!.Value, options.Gbm.MinTrainingRows, options.GlobalGbm.MaxTrainingRows);
        else Assert.Null(fleet.CapturedRows);
    }
}
