using System.CommandLine;
using System.Globalization;
using Pipeline.Predictor.Forecasting;
using Pipeline.Simulator.Traces;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline forecast-fleet --trace FILE</c>: the global <c>gbm-global</c> model against per-service <c>gbm</c> on a
/// fleet of synthetic services cut from a trace (<see cref="FleetSeries"/>): sMAPE and interval coverage per horizon on
/// held-out later points, the time of one global round per fleet size, per-service training time extrapolated to the
/// largest fleet, and the windows a new service waits for forecasts.
/// </summary>
internal static class ForecastFleetCommand
{
    public static Command Create()
    {
        var trace = new Option<FileInfo[]>("--trace") { Description = "Trace CSV(s) (timestamp,requests); one fleet per trace.", Required = true, AllowMultipleArgumentsPerToken = true };
        var services = new Option<int>("--services") { Description = "Services the global model is trained on for the accuracy comparison.", DefaultValueFactory = _ => 1000 };
        var timing = new Option<int[]>("--timing-services") { Description = "Fleet sizes whose global training round is timed.", DefaultValueFactory = _ => [1000, 10_000], AllowMultipleArgumentsPerToken = true };
        var scored = new Option<int>("--scored") { Description = "Services scored walk-forward (each also trains a per-service gbm, timed).", DefaultValueFactory = _ => 30 };
        var newServices = new Option<int>("--new-services") { Description = "Services joining after training whose cold start is measured.", DefaultValueFactory = _ => 5 };
        var horizons = new Option<int>("--horizons") { Description = "Horizons (points ahead).", DefaultValueFactory = _ => 3 };
        var historyPoints = new Option<int>("--history-points") { Description = "Points of history per service (0: 10 days, at least 1,000 points).", DefaultValueFactory = _ => 0 };
        var holdout = new Option<int>("--holdout-points") { Description = "Held-out later points scored per service (0: a day, at least 200 points).", DefaultValueFactory = _ => 0 };
        var noise = new Option<double>("--noise") { Description = "Standard deviation of the log-normal multiplicative noise.", DefaultValueFactory = _ => 0.1 };
        var recency = new Option<double>("--recency") { Description = "gbm-global: how strongly a service's origins crowd towards its newest point (1 = evenly spread, 2 = density 1/sqrt(age)).", DefaultValueFactory = _ => new Pipeline.Predictor.Forecasting.Global.GlobalGbmOptions().Recency };
        var seed = new Option<int>("--seed") { Description = "Seed of the fleet.", DefaultValueFactory = _ => 1 };
        var command = new Command("forecast-fleet", "Benchmark the global gbm model (gbm-global) against per-service gbm on a synthetic fleet cut from a trace: accuracy, coverage, training round time, cold start.");
        foreach (var o in new Option[] { trace, services, timing, scored, newServices, horizons, historyPoints, holdout, noise, recency, seed }) command.Options.Add(o);
        command.SetAction(result =>
        {
            var options = new ForecastingOptions { GlobalGbm = { Recency = result.GetValue(recency) } };
            options.Validate();
            foreach (var file in result.GetValue(trace)!)
            {
                var t = TraceReader.Read(file.FullName);
                var perDay = (int)Math.Round(TimeSpan.FromDays(1) / t.Interval);
                var history = result.GetValue(historyPoints) is > 0 and var hp ? hp : Math.Max(10 * perDay, 1000);
                var held = result.GetValue(holdout) is > 0 and var ho ? ho : Math.Max(perDay, 200);
                var run = new ForecastFleetRun(t, new FleetSeries(t, history + held, result.GetValue(seed), result.GetValue(noise)), held, result.GetValue(horizons), options);
                run.Report(result.GetValue(services), result.GetValue(timing)!, result.GetValue(scored), result.GetValue(newServices), Console.Out);
            }
            return 0;
        });
        return command;
    }
}
