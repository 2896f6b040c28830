using System.CommandLine;
using Pipeline.Cli.Bench;
using Pipeline.Cli.Hosting;
using Pipeline.Features.Service;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline bench-scale</c>: broker, features and predictor as separate processes, samples of N services produced at a
/// paced rate; prints samples/s, windows/s, decisions/s, decision latency and memory per stage.
/// </summary>
internal static class BenchScaleCommand
{
    public static Command Create()
    {
        var services = new Option<int>("--services") { Description = "Services to produce samples for (one replica each).", DefaultValueFactory = _ => 1000 };
        var seconds = new Option<int>("--seconds") { Description = "Seconds of production (then up to --drain for the stages to catch up).", DefaultValueFactory = _ => 60 };
        var policy = new Option<string>("--policy") { Description = "Autoscaling policy of the predictor: hpa or predictive.", DefaultValueFactory = _ => "hpa" };
        policy.AcceptOnlyFromAmong("hpa", "predictive");
        var forecaster = new Option<string>("--forecaster") { Description = $"Forecaster of the predictive policy: {string.Join(", ", Pipeline.Predictor.Forecasting.ForecasterNames.All)}.", DefaultValueFactory = _ => new ScaleBenchSettings().Forecaster };
        forecaster.AcceptOnlyFromAmong([.. Pipeline.Predictor.Forecasting.ForecasterNames.All]);
        var engine = new Option<string>("--engine") { Description = $"Features stage engine: {string.Join(" or ", FeaturesEngines.All)}.", DefaultValueFactory = _ => FeaturesEngines.Default };
        engine.AcceptOnlyFromAmong([.. FeaturesEngines.All]);
        var rate = new Option<double>("--rate")
        {
            Description = "Samples produced per second; 0 = real time (services / interval: every service reports once per interval). Above real time, event time runs faster than the wall clock. The embedded broker keeps about 5 MiB per partition (~20,000 samples of the 6 metrics " +
                "partitions' ~130,000): a stage that falls further behind loses data, so keep the rate within what the stages sustain.",
            DefaultValueFactory = _ => 0,
        };
        var interval = DurationParser.Option("--interval", TimeSpan.FromSeconds(5),
            "Event time between a service's samples; with 15 s windows a service closes a window every 15 s / interval samples");
        var logs = new Option<string?>("--logs") { Description = "Directory to write each stage's output to at the end (broker.log, features.log, predictor.log)." };
        var command = new Command("bench-scale",
            "Scale benchmark: broker, features and predictor as separate processes; samples of N services at a paced rate; prints samples/s, " +
            "windows/s, decisions/s, decision latency p50/p99 (record timestamp minus the pipeline-origin header) and RSS per stage (VmRSS, peak VmHWM).");
        foreach (var o in new Option[] { services, seconds, policy, forecaster, engine, rate, interval, logs }) command.Options.Add(o);
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = new ScaleBenchSettings
            {
                Services = result.GetValue(services), Duration = TimeSpan.FromSeconds(result.GetValue(seconds)), Policy = result.GetValue(policy)!, Forecaster = result.GetValue(forecaster)!,
                Engine = result.GetValue(engine)!, Interval = result.GetValue(interval), LogDirectory = result.GetValue(logs),
                Rate = result.GetValue(rate) is > 0 and var r ? r : result.GetValue(services) / result.GetValue(interval).TotalSeconds,
            };
            var report = await ScaleBench.RunAsync(settings, line => Console.WriteLine($"bench-scale: {line}"), cancellationToken);
            foreach (var line in report.Lines()) Console.WriteLine(line);
            return 0;
        });
        return command;
    }
}
