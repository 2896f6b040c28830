using System.Diagnostics;
using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Global;
using Pipeline.Predictor.Forecasting.Intervals;
using Pipeline.Predictor.Forecasting.Training;

namespace Pipeline.Cli.Commands;

/// <summary>
/// The measurements of <c>forecast-fleet</c> on one synthetic fleet: a global training round, walk-forward accuracy of
/// the global model against per-service <c>gbm</c> (and <c>seasonal-naive</c>) on held-out later points, per-service
/// training time, and how many windows a service that joins after training needs before its forecasts are given and calibrated.
/// </summary>
internal static class ForecastFleet
{
    public sealed record Score(string Forecaster, int Horizon, double Smape, double Coverage);

    public sealed record ColdStart(string Forecaster, double FirstForecast, double Calibrated, double Smape);

    /// <summary>Histories of services 0..<paramref name="count"/> − 1, holding all but the last <paramref name="holdout"/> points.</summary>
    public static RateHistory[] Histories(FleetSeries fleet, int count, int holdout, TimeSpan step, TextWriter log)
    {
        var histories = new RateHistory[count];
        var clock = Stopwatch.StartNew();
        for (var s = 0; s < count; s++)
        {
            var rates = fleet.Rates(s);
            histories[s] = new RateHistory(step, fleet.Points);
            for (var i = 0; i < fleet.Points - holdout; i++) histories[s].Append(fleet.TimeOf(i), rates[i]);
            if ((s + 1) % 2000 == 0) log.WriteLine($"  built {s + 1} of {count} services ({clock.Elapsed.TotalSeconds:0}s)");
        }
        return histories;
    }

    /// <summary>One global round on the first <paramref name="count"/> histories (a fleet of its own, trained inline).</summary>
    public static (GlobalGbm Fleet, GlobalRound Round, TimeSpan Cpu) Train(IReadOnlyList<RateHistory> histories, int count, int horizons, ForecastingOptions options)
    {
        var fleet = new GlobalGbm(options, horizons, trainer: null);
        for (var s = 0; s < count; s++) fleet.Join($"s{s}", histories[s]);
        var cpu = Cpu();
        var round = fleet.TrainNow() ?? throw new InvalidOperationException("the fleet holds too few rows to train");
        return (fleet, round, Cpu() - cpu);
    }

    /// <summary>CPU time of this process so far: with other work on the machine, wall-clock times overstate what training costs.</summary>
    public static TimeSpan Cpu() => Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>
    /// Walk-forward over the held-out points of the first <paramref name="scored"/> services: the global model (frozen),
    /// a per-service <c>gbm</c> trained on the same history (its training time summed into <paramref name="perServiceTraining"/>)
    /// and <c>seasonal-naive</c>; intervals are calibrated online on the held-out points, as the policy does.
    /// </summary>
    public static List<Score> Accuracy(FleetSeries series, RateHistory[] histories, GlobalGbm global, int scored, int holdout, ForecastingOptions options, TextWriter log, out TimeSpan perServiceTraining, out TimeSpan perServiceCpu)
    {
        var steps = Enumerable.Range(1, global.Horizons).ToArray();
        var names = new[] { ForecasterNames.GbmGlobal, ForecasterNames.Gbm, ForecasterNames.SeasonalNaive };
        var smape = new double[names.Length, steps.Length];
        var coverage = new double[names.Length, steps.Length];
        perServiceTraining = TimeSpan.Zero;
        perServiceCpu = TimeSpan.Zero;
        for (var s = 0; s < scored; s++)
        {
            var rates = series.Rates(s);
            var gbm = (ITrainableForecaster)ForecasterRegistry.Create(ForecasterNames.Gbm, options, global.Horizons);
            var clock = Stopwatch.StartNew();
            var cpu = Cpu();
            gbm.Install(gbm.Train(histories[s]) ?? throw new InvalidOperationException($"service {s}: too short to train gbm"));
            perServiceCpu += Cpu() - cpu;
            perServiceTraining += clock.Elapsed;
            var forecasters = new[] { global.Join($"s{s}", histories[s]), gbm, ForecasterRegistry.Create(ForecasterNames.SeasonalNaive, options) };
            var copies = new[] { histories[s], histories[s].Snapshot(int.MaxValue), histories[s].Snapshot(int.MaxValue) };
            for (var f = 0; f < names.Length; f++)
            {
                var history = copies[f];
                var tracker = new ForecastTracker(forecasters[f], steps, options);
                for (var i = series.Points - holdout; i < series.Points; i++)
                {
                    history.Append(series.TimeOf(i), rates[i]);
                    tracker.Observe(history);
                    tracker.Forecast(history);
                }
                for (var k = 0; k < steps.Length; k++)
                {
                    smape[f, k] += tracker.LifetimeSmape(k) / scored;
                    coverage[f, k] += tracker.MeasuredCoverage(k) / scored;
                }
            }
            if ((s + 1) % 10 == 0) log.WriteLine($"  scored {s + 1} of {scored} services");
        }
        return [.. from f in Enumerable.Range(0, names.Length) from k in Enumerable.Range(0, steps.Length) select new Score(names[f], steps[k], smape[f, k], coverage[f, k])];
    }
}
