using System.CommandLine;
using System.Globalization;
using Pipeline.Predictor.Forecasting;
using Pipeline.Simulator.Traces;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline forecast-bench --trace FILE</c>: forecast accuracy (sMAPE per horizon) and interval coverage of every
/// forecaster on a trace, <c>gbm</c> training time on the newest 28 days, and the <c>predictive</c> policy's decision latency.
/// </summary>
internal static class ForecastBenchCommand
{
    public static Command Create()
    {
        var trace = new Option<FileInfo[]>("--trace") { Description = "Trace CSV(s) (timestamp,requests), e.g. ../shared/traces/nasa_jul95/nasa_jul95.csv.", Required = true, AllowMultipleArgumentsPerToken = true };
        var horizons = new Option<int>("--horizons") { Description = "Horizons (rows ahead) to score.", DefaultValueFactory = _ => 3 };
        var warmup = new Option<double>("--warmup") { Description = "Fraction of the trace before scoring starts.", DefaultValueFactory = _ => 0.25 };
        var coverage = new Option<double>("--coverage") { Description = "Nominal interval coverage.", DefaultValueFactory = _ => 0.9 };
        var trainDays = new Option<double>("--train-days") { Description = "Days of the trace the training-time benchmark trains on.", DefaultValueFactory = _ => 28 };
        var latencyDays = new Option<double>("--latency-days") { Description = "Days of the trace replayed as 15 s windows for the decision-latency benchmark (0 = skip).", DefaultValueFactory = _ => 3 };
        var command = new Command("forecast-bench", "Benchmark the forecasters (sMAPE per horizon, interval coverage), gbm training time and predictive decision latency on traces.");
        foreach (var o in new Option[] { trace, horizons, warmup, coverage, trainDays, latencyDays }) command.Options.Add(o);
        command.SetAction(result =>
        {
            var options = new ForecastingOptions { Coverage = result.GetValue(coverage) };
            options.Validate();
            var h = result.GetValue(horizons);
            var c = CultureInfo.InvariantCulture;
            foreach (var file in result.GetValue(trace)!)
            {
                var t = TraceReader.Read(file.FullName);
                Console.WriteLine($"== {t.Name}: {t.Requests.Count} rows of {t.Interval}, warm-up {result.GetValue(warmup):P0}, nominal coverage {options.Coverage:P0}");
                var rows = ForecastBench.Accuracy(t, h, result.GetValue(warmup), options, Console.Out);
                Console.WriteLine("forecaster       h  ahead      sMAPE  coverage  scored");
                foreach (var r in rows)
                {
                    Console.WriteLine(string.Create(c, $"{r.Forecaster,-15} {r.Horizon,2} {(t.Interval * r.Horizon).TotalMinutes,6:0}min {r.Smape,8:P2} {r.Coverage,8:P1} {r.Scored,7}"));
                }
                var (time, points, examples) = ForecastBench.TrainingTime(t, result.GetValue(trainDays), h, options);
                Console.WriteLine(string.Create(c, $"gbm training: {time.TotalSeconds:0.00}s for {h} horizon models on the newest {points} points ({examples} rows in total)"));
                if (result.GetValue(latencyDays) > 0)
                {
                    var (mean, p50, p99, n) = ForecastLatencyBench.Measure(t, result.GetValue(latencyDays), 40);
                    Console.WriteLine(string.Create(c, $"predictive decision latency over {n} forecast decisions: mean {mean:0} us, p50 {p50:0} us, p99 {p99:0} us"));
                }
            }
            return 0;
        });
        return command;
    }
}
