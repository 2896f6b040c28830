using System.CommandLine;
using Microsoft.Extensions.Logging;
using Pipeline.Cli.Hosting;
using Pipeline.Cli.SimToReal;
using Pipeline.Fleet.Local;
using Pipeline.Fleet.Proxy;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline sim-to-real</c>: the same compressed trace segment through the real fleet (replica processes behind the
/// YARP proxy, driven by the pipeline on an embedded broker) and through the simulator, same options and the same
/// pre-rolled decision step, printed side by side with the relative error of each metric.
/// </summary>
internal static class SimToRealCommand
{
    public static Command Create()
    {
        var trace = new Option<FileInfo>("--trace") { Description = "Trace CSV (timestamp,requests).", Required = true };
        var start = DurationParser.Option("--start", TimeSpan.FromDays(3), "Offset into the trace where the compared segment starts (the pre-roll needs the trace before it)");
        var duration = DurationParser.Option("--duration", TimeSpan.FromMinutes(20), "Wall length of the segment (real runs take this long per combination)");
        var speed = new Option<double>("--speed") { Description = "Trace seconds per wall second.", DefaultValueFactory = _ => 60 };
        var peak = new Option<double>("--peak-rps") { Description = "The segment's busiest trace row runs at this rate.", DefaultValueFactory = _ => 200 };
        var preroll = DurationParser.Option("--preroll", TimeSpan.FromHours(1), "Wall-equivalent load before the segment run through the decision step in the simulator first, so both sides start warm");
        var runs = new Option<string>("--runs") { Description = $"Comma-separated AUTOSCALER:BALANCER combinations, run in order (balancers: {string.Join(", ", ProxyBalancerNames.All)}).", DefaultValueFactory = _ => "hpa:round-robin,predictive:learned" };
        var workers = new Option<int>("--workers") { Description = "Workers per replica.", DefaultValueFactory = _ => 4 };
        var mean = new Option<double>("--service-mean-ms") { Description = "Mean service time (lognormal).", DefaultValueFactory = _ => 200 };
        var cv = new Option<double>("--service-cv") { Description = "Coefficient of variation of the service time.", DefaultValueFactory = _ => 0.5 };
        var startup = DurationParser.Option("--startup-delay", TimeSpan.FromSeconds(10), "Replica readiness delay (the process launch adds about 1 s, which the simulator and predictor assume too)");
        var max = new Option<int>("--max-replicas") { Description = "Most replica processes.", DefaultValueFactory = _ => 30 };
        var seed = new Option<long>("--seed") { Description = "Seed of the simulator, the replicas' service times and the arrivals.", DefaultValueFactory = _ => 1 };
        var json = new Option<string?>("--json") { Description = "Also write the comparison to this JSON file." };
        var simOnly = new Option<bool>("--simulated-only") { Description = "Run only the simulator side (a preview of the real run; prints every scale change)." };
        var command = new Command("sim-to-real", "Run the same compressed trace segment through the real fleet and through the simulator and print them side by side with the relative error of each metric.");
        foreach (var o in new Option[] { trace, start, duration, speed, peak, preroll, runs, workers, mean, cv, startup, max, seed, json, simOnly }) command.Options.Add(o);
        command.SetAction((result, cancellationToken) => StartupErrors.Guard(async () =>
        {
            var settings = new SimToRealSettings
            {
                TracePath = result.GetValue(trace)!.FullName,
                Start = result.GetValue(start),
                Duration = Positive(result.GetValue(duration), "--duration"),
                Speed = result.GetValue(speed) is > 0 and var sp ? sp : throw new ArgumentException($"--speed: must be > 0, was {result.GetValue(speed)}"),
                PeakRps = result.GetValue(peak) is > 0 and var pk ? pk : throw new ArgumentException($"--peak-rps: must be > 0, was {result.GetValue(peak)}"),
                Preroll = result.GetValue(preroll),
                Runs = Runs(result.GetValue(runs)!),
                Replica = new LocalReplicaSettings
                {
                    Workers = result.GetValue(workers) is > 0 and var w ? w : throw new ArgumentException($"--workers: must be > 0, was {result.GetValue(workers)}"),
                    ServiceMeanMs = result.GetValue(mean) is > 0 and var m ? m : throw new ArgumentException($"--service-mean-ms: must be > 0, was {result.GetValue(mean)}"),
                    ServiceCv = result.GetValue(cv) is >= 0 and var c ? c : throw new ArgumentException($"--service-cv: must be >= 0, was {result.GetValue(cv)}"),
                    StartupDelay = result.GetValue(startup),
                    Seed = result.GetValue(seed),
                },
                MaxReplicas = result.GetValue(max),
                Seed = result.GetValue(seed),
                JsonPath = result.GetValue(json),
                SimulatedOnly = result.GetValue(simOnly),
            };
            _ = SegmentLoad.Create(settings); // checks the trace, segment and pre-roll before anything starts
            using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
            var comparisons = await SimToRealRunner.RunAsync(settings, line => Console.Error.WriteLine($"sim-to-real: {line}"), logging, cancellationToken);
            SimToRealReport.Print(Console.Out, settings, comparisons);
            if (settings.JsonPath is { } path) SimToRealReport.WriteJson(path, settings, comparisons);
            return 0;
        }));
        return command;
    }

    private static TimeSpan Positive(TimeSpan value, string option) =>
        value > TimeSpan.Zero ? value : throw new ArgumentException($"{option}: must be > 0, was {value}");

    private static IReadOnlyList<(string, string)> Runs(string value)
    {
        var known = Predictor.Service.PredictorPolicies.Autoscaling();
        var runs = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(item =>
        {
            var parts = item.Split(':', StringSplitOptions.TrimEntries);
            if (parts.Length != 2) throw new ArgumentException($"--runs: '{item}' is not AUTOSCALER:BALANCER");
            known.Validate(parts[0]);
            BalancerPairs.Simulated(parts[1]);
            return (parts[0], parts[1]);
        }).ToList();
        return runs.Count > 0 ? runs : throw new ArgumentException("--runs: give at least one AUTOSCALER:BALANCER");
    }
}
