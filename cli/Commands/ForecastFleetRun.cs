using System.Globalization;
using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Global;
using Trace = Pipeline.Simulator.Traces.Trace;

namespace Pipeline.Cli.Commands;

/// <summary>One trace's <c>forecast-fleet</c> run: builds the fleet once, then times, scores and prints in order.</summary>
internal sealed class ForecastFleetRun(Trace trace, FleetSeries series, int holdout, int horizons, ForecastingOptions options)
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public void Report(int services, int[] timing, int scored, int newServices, TextWriter log)
    {
        var largest = Math.Max(services, timing.DefaultIfEmpty(0).Max());
        scored = Math.Min(scored, services);
        log.WriteLine(string.Create(C, $"== {trace.Name}: {largest} services of {series.Points - holdout} points of {trace.Interval} (+{holdout} held out), {horizons} horizons, {options.GlobalGbm.MaxTrainingRows} rows per global model at most"));
        var histories = ForecastFleet.Histories(series, largest, holdout, trace.Interval, log);
        GlobalGbm? accuracyFleet = null;
        foreach (var n in timing.Append(services).Distinct().Order())
        {
            var (fleet, round, cpu) = ForecastFleet.Train(histories, n, horizons, options);
            log.WriteLine(string.Create(C, $"global round, {round.Services,6} services: {round.Total.TotalSeconds,6:0.00}s wall, {cpu.TotalSeconds:0.00}s CPU ({round.Sampling.TotalSeconds:0.00}s sampling {round.RowsPerHorizon} rows per horizon on the decision thread, {round.Fitting.TotalSeconds:0.00}s fitting {horizons} models)"));
            if (n == services) accuracyFleet = fleet;
        }
        var scores = ForecastFleet.Accuracy(series, histories, accuracyFleet!, scored, holdout, options, log, out var perService, out var perServiceCpu);
        log.WriteLine(string.Create(C, $"held-out accuracy, mean over {scored} services (global model trained on {services}; intervals calibrated online on the held-out points):"));
        log.WriteLine("forecaster       h      sMAPE  coverage");
        foreach (var s in scores) log.WriteLine(string.Create(C, $"{s.Forecaster,-15} {s.Horizon,2} {s.Smape,10:P2} {s.Coverage,8:P1}"));
        var each = perService / Math.Max(1, scored);
        var eachCpu = perServiceCpu / Math.Max(1, scored);
        log.WriteLine(string.Create(C, $"per-service gbm training: {each.TotalSeconds:0.000}s wall, {eachCpu.TotalSeconds:0.000}s CPU per service (mean of {scored}); extrapolated to {largest} services: {(each * largest).TotalMinutes:0.0} min wall, {(eachCpu * largest).TotalMinutes:0.0} min CPU, single-threaded (not measured)"));
        var cold = ForecastFleetColdStart.Measure(series, accuracyFleet!, largest, newServices, Math.Min(series.Points, 1000), options);
        foreach (var c in cold)
        {
            log.WriteLine(string.Create(C, $"new service, {c.Forecaster,-10} (mean of {newServices}): first forecast after {c.FirstForecast:0.#} windows, every horizon calibrated after {c.Calibrated:0.#}; sMAPE of the forecasts it gave in its first {Math.Min(series.Points, 1000)} windows {c.Smape:P2}"));
        }
    }
}
