using System.CommandLine;
using System.Globalization;
using Pipeline.Cli.Bench;
using Pipeline.Cli.Hosting;
using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Service;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline bench-state</c>: managed heap bytes per service of the decision step's policy state (<see cref="StateBench"/>),
/// for sizing <c>--max-services</c>. A benchmark, not a test: the figure depends on the runtime.
/// </summary>
internal static class BenchStateCommand
{
    public static Command Create()
    {
        var services = new Option<int>("--services") { Description = "Services to create state for.", DefaultValueFactory = _ => 1000 };
        var policy = new Option<string>("--policy") { Description = "Autoscaling policy: hpa or predictive.", DefaultValueFactory = _ => "predictive" };
        policy.AcceptOnlyFromAmong("hpa", "predictive");
        var forecaster = new Option<string>("--forecaster") { Description = $"Forecaster of the predictive policy: {string.Join(", ", ForecasterNames.All)} (default: the policy's, gbm-global; with per-service gbm give seasonal-naive to leave out the models, trained per service after 200 points, which this does not count).", DefaultValueFactory = _ => new Pipeline.Predictor.Autoscaling.Predictive.PredictiveOptions().Forecaster };
        var windows = new Option<int>("--windows") { Description = "Windows per service (default 5760: a day of 15 s windows).", DefaultValueFactory = _ => 5760 };
        var step = DurationParser.Option("--step", TimeSpan.FromSeconds(15), "Window length");
        var state = new PredictiveStateOptions();
        var command = new Command("bench-state",
            "Per-service state benchmark: N services' windows through the real decision step (no routing, no shadow), then managed heap bytes per service " +
            "(GC.GetTotalMemory(true) after minus before, / N).");
        foreach (var o in new Option[] { services, policy, forecaster, windows, step }) command.Options.Add(o);
        state.AddTo(command);
        command.SetAction(result =>
        {
            try
            {
                var options = new PredictorOptions { AutoscalingPolicy = result.GetValue(policy)!, RoutingPolicy = "", ShadowPolicy = "" };
                options.Predictive.Forecaster = result.GetValue(forecaster)!;
                state.Apply(result, options.Predictive);
                int n = result.GetValue(services), w = result.GetValue(windows);
                if (n < 1 || w < 1) throw new ArgumentException("--services and --windows must be at least 1");
                var r = StateBench.Run(options, n, w, result.GetValue(step));
                var stateName = options.AutoscalingPolicy == "predictive" ? $" ({(options.Predictive.CompactState ? "compact" : "exact")} state, {options.Predictive.Forecaster})" : "";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{options.AutoscalingPolicy}{stateName}: {n} services x {w} windows of {result.GetValue(step).TotalSeconds:0.#} s: " +
                    $"{r.BytesPerService:0} bytes/service ({r.BytesPerService / 1024:0.0} KiB), {r.Decisions} decisions in {r.Elapsed.TotalSeconds:0.0} s"));
                return 0;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"bench-state: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
