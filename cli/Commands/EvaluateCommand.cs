using System.CommandLine;
using System.Diagnostics;
using Pipeline.Predictor.Autoscaling.Predictive;
using Pipeline.Simulator.Balancing;
using Pipeline.Simulator.Evaluation;
using Pipeline.Simulator.Frontier;
using Pipeline.Simulator.Reporting;
using Pipeline.Simulator.Traces;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline evaluate</c>: trace-driven comparison of autoscalers and balancers in the simulator.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var d = new EvaluationOptions();
        var trace = new Option<FileInfo>("--trace") { Description = "Trace CSV with header 'timestamp,requests' (ISO-8601 UTC or seconds from start; constant row interval).", Required = true };
        var peak = new Option<int>("--peak-replicas") { Description = $"Scale the trace so its peak needs N replicas at the target utilization.", DefaultValueFactory = _ => d.PeakReplicas };
        var target = new Option<double>("--target-utilization") { Description = $"Target utilization shared by every policy: the hpa and predictive targets and the replicas static-peak and oracle provision (peak demand / target); with --peak-replicas it also scales the load, so a higher target runs the same replicas hotter. In (0, 1].", DefaultValueFactory = _ => d.TargetUtilization };
        var upper = new Option<string?>("--predictive-upper") { Description = "Utilization the predictive policy sizes the forecast's upper bound at (default 0.8); 'target' = at --target-utilization (the literal rule)." };
        var recurring = new Option<int?>("--predictive-recurring-days") { Description = "Days a rise must have recurred at the same time of day before the predictive policy provisions it ahead (default 2; 0 = off)." };
        var tail = new Option<double?>("--predictive-tail") { Description = "One-sided probability of the forecast error's tail the predictive policy provisions at full utilization (default 0.99: the largest recent error at the forecast's level; 0 = off)." };
        var surprise = new Option<int?>("--predictive-surprise-windows") { Description = "Windows in a row above the forecast's upper bound before the predictive policy's floor returns to the HPA calculation at the target (default 2; 1 = every exceedance)." };
        var surge = new Option<string?>("--predictive-surge-growth") { Description = "On a surprise, size the predictive policy's floor for the rise the service's last surprise of that size showed by the time its replicas were ready, without the scale-up step limit: 'on' (default) or 'off' (the observed rate, step-limited)." };
        var recurSaturated = new Option<string?>("--predictive-recurring-saturated") { Description = "A rise that outgrew the predictive policy's ready replicas is provisioned ahead when it comes back at the same time the next day, after one sighting: 'on' (default) or 'off' (it waits for --predictive-recurring-days days like any rise)." };
        var shortHold = new Option<string?>("--predictive-short-hold") { Description = "A service whose load has not outgrown the predictive policy's ready replicas within the last day holds a scale-down for the start-up delay plus one window instead of 300 s: 'on' (default) or 'off' (always 300 s, as Kubernetes)." };
        var saturated = new Option<string?>("--predictive-saturated-surprise") { Description = "A window above the forecast's upper bound that the ready replicas cannot serve at all (utilization >= 1) is a surprise at once: 'on' (default) or 'off' (only --predictive-surprise-windows in a row)." };
        var forecaster = new Option<string?>("--predictive-forecaster") { Description = $"Forecaster of the predictive policy: {string.Join(", ", Pipeline.Predictor.Forecasting.ForecasterNames.All)} (default: {new Pipeline.Predictor.Autoscaling.Predictive.PredictiveOptions().Forecaster}; gbm: one model per service)." };
        var expected = new Option<string?>("--predictive-expected") { Description = "Utilization the expected demand may drive the predictive policy's replicas to: the point forecast, and the observed rate while it stays inside the forecast interval (default 0.9); 'target' = the reactive floor is the HPA calculation at --target-utilization at every decision (the literal safety net)." };
        var sizing = new Option<string?>("--predictive-sizing") { Description = "How the predictive policy sizes its forecast: 'sla' (default: the fewest replicas at which the forecast error's tail, the expected shortfall beyond the interval and the expected demand meet the SLA in the service's queueing model, M/G/(n x workers) with this evaluation's service time, SLO and SLA; the relaxed reactive floor at that limit too) or 'utilization' (the rule before: the upper bound at --predictive-upper, the expected demand at --predictive-expected, the tail at 100%; see docs/frontier.md)." };
        var state = new PredictiveStateOptions();
        var scale = new Option<double?>("--scale") { Description = "Multiply the trace's request counts by F instead of --peak-replicas." };
        var start = new Option<string?>("--start") { Description = "Where to start in the trace: an offset (e.g. 2d) or an ISO-8601 UTC timestamp (default: the first row)." };
        var duration = new Option<string?>("--duration") { Description = "Length of the evaluated span, e.g. 7d, 12h (default: to the end of the trace)." };
        var warmup = new Option<string?>("--warmup") { Description = "Span excluded from scoring at the start; policies still run and learn in it (default: the first quarter)." };
        var autoscalers = new Option<string?>("--autoscaler") { Description = "Comma-separated autoscaling policies (default: all known: hpa, predictive, threshold and the references static-peak, oracle, sla-oracle, sla-per-replica; sla-reactive, perfect reaction without headroom, runs in --frontier or by name)." };
        var balancers = new Option<string?>("--balancer") { Description = $"Comma-separated balancers: {string.Join(", ", BalancerNames.All)} (default: {EvaluationPlan.DefaultBalancer}). The hpa + round-robin baseline always runs." };
        var scenario = new Option<string?>("--scenario") { Description = $"Scenario(s), comma-separated: {string.Join(", ", ScenarioNames.All)} (default: {ScenarioNames.Baseline})." };
        var seed = new Option<long>("--seed") { Description = $"Seed of every run (the same for every combination).", DefaultValueFactory = _ => d.Seed };
        var json = new Option<string?>("--json") { Description = "Write {\"runs\":[...]} with every run's metrics to FILE." };
        var report = new Option<string?>("--report") { Description = "Write report.md, results.json and PNG plots to DIR." };
        var runs = new Option<string?>("--runs") { Description = "Comma-separated AUTOSCALER+BALANCER pairs instead of the --autoscaler x --balancer product, e.g. threshold+round-robin,hpa+least-request,predictive+learned (the paper's Table 1)." };
        var frontier = new Option<bool>("--frontier") { Description = "Sweep the hpa's target utilization (and the predictive policy's knob) on the same load, print the cost/violations frontier and each policy's cost ratio at equal violations and violation ratio at equal cost; --report DIR writes frontier.png and frontier.json." };
        var frontierTargets = new Option<string?>("--frontier-targets") { Description = "With --frontier: the hpa targets (default 0.3,0.4,0.5,0.6,0.7,0.8,0.9)." };
        var reactiveHeadroom = new Option<double>("--reactive-headroom") { Description = "Factor on the replicas sla-reactive provisions (perfect reaction at the queueing limit), e.g. 1.5 for 50% headroom; sweep it to see what reaction alone costs at each violation rate. At least 1.", DefaultValueFactory = _ => d.ReactiveHeadroom };
        var frontierPredictive = new Option<string?>("--frontier-predictive") { Description = "With --frontier: the predictive settings, comma-separated: 'default' (the SLA sizing), 'utilization' (the fixed-utilization sizing at its defaults) or EXPECTED/UPPER (fixed utilizations, e.g. 0.95/0.9) (default: default)." };

        var command = new Command("evaluate",
            "Replay a trace through the cluster simulator for every autoscaler x balancer and compare them with the paper's metrics and the SPEC RG elasticity metrics. " +
            $"Defaults (identical for every policy): lognormal service time mean {d.MeanServiceTime.TotalMilliseconds:0} ms (cv {d.ServiceTimeCv}), {d.Workers} workers per replica, " +
            $"queue {d.QueueCapacity} per replica, target utilization {d.TargetUtilization}, start-up delay {d.StartupDelay.TotalSeconds:0} s, SLO {d.Slo.TotalMilliseconds:0} ms " +
            $"(SLA {d.SlaTarget:P1} of requests within it), 1 s metric samples into 15 s windows closed after a 5 s grace, warm-up = first quarter, seed {d.Seed}.");
        foreach (var option in new Option[] { trace, peak, target, sizing, upper, expected, recurring, surprise, surge, saturated, recurSaturated, shortHold, tail, forecaster, scale, start, duration, warmup, autoscalers, balancers, scenario, seed, json, report, runs, frontier, frontierTargets, frontierPredictive, reactiveHeadroom })
        {
            command.Options.Add(option);
        }
        state.AddTo(command);
        command.SetAction(result =>
        {
            try
            {
                var file = result.GetValue(trace)!;
                var loaded = TraceReader.Read(file.FullName);
                var upperSizing = EvaluateArguments.Sizing(result.GetValue(upper), "--predictive-upper");
                var expectedSizing = EvaluateArguments.Sizing(result.GetValue(expected), "--predictive-expected");
                var sizingRule = result.GetValue(sizing) ?? "sla";
                var surgeGrowth = EvaluateArguments.OnOff(result.GetValue(surge), "--predictive-surge-growth");
                var saturatedSurprise = EvaluateArguments.OnOff(result.GetValue(saturated), "--predictive-saturated-surprise");
                var recurringSaturated = EvaluateArguments.OnOff(result.GetValue(recurSaturated), "--predictive-recurring-saturated");
                var shortHoldOn = EvaluateArguments.OnOff(result.GetValue(shortHold), "--predictive-short-hold");
                if (sizingRule is not ("sla" or "utilization")) throw new ArgumentException($"--predictive-sizing: '{sizingRule}' is not a sizing; use 'sla' or 'utilization'");
                state.Apply(result, new PredictiveOptions()); // rejects invalid values before any run starts
                var options = new EvaluationOptions
                {
                    ConfigurePredictive = p =>
                    {
                        if (upperSizing.Given) p.UpperBoundUtilization = upperSizing.Value;
                        if (expectedSizing.Given) p.ExpectedUtilization = expectedSizing.Value;
                        if (result.GetValue(recurring) is { } days) p.RecurringDays = days;
                        if (result.GetValue(surprise) is { } windows) p.SurpriseWindows = windows;
                        if (surgeGrowth is { } g) p.SurgeGrowth = g;
                        if (saturatedSurprise is { } on) p.SaturatedSurprise = on;
                        if (recurringSaturated is { } once) p.RecurringAfterSaturation = once;
                        if (shortHoldOn is { } brief) p.ShortHoldWithoutSaturation = brief;
                        if (result.GetValue(tail) is { } probability) p.Forecasting.TailProbability = probability > 0 ? probability : null;
                        if (result.GetValue(forecaster) is { } name) p.Forecaster = name;
                        state.Apply(result, p);
                    },
                    PredictiveSlaSizing = sizingRule == "sla",
                    PeakReplicas = result.GetValue(peak),
                    TargetUtilization = result.GetValue(target),
                    Scale = result.GetValue(scale),
                    Warmup = result.GetValue(warmup) is { } w ? EvaluateArguments.Duration(w, "--warmup") : null,
                    Seed = result.GetValue(seed),
                    ReactiveHeadroom = result.GetValue(reactiveHeadroom),
                };
                if (!(options.ReactiveHeadroom >= 1)) throw new ArgumentException($"--reactive-headroom: must be at least 1, was {options.ReactiveHeadroom.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
                if (!(options.TargetUtilization is > 0 and <= 1))
                    throw new ArgumentException($"--target-utilization: {options.TargetUtilization.ToString(System.Globalization.CultureInfo.InvariantCulture)} is out of range; must be in (0, 1], e.g. 0.6 or 0.9");
                if (options.PeakReplicas < 1) throw new ArgumentException("--peak-replicas: must be at least 1");
                if (options.Scale is { } f && !(f > 0)) throw new ArgumentException("--scale: must be positive");
                var workload = new EvaluationWorkload(loaded, options,
                    EvaluateArguments.Start(result.GetValue(start), loaded.Start),
                    result.GetValue(duration) is { } span ? EvaluateArguments.Duration(span, "--duration") : null);
                if (result.GetValue(frontier))
                {
                    var defaults = new FrontierPlan();
                    var plan = new FrontierPlan
                    {
                        HpaTargets = FrontierArguments.Targets(result.GetValue(frontierTargets)) ?? defaults.HpaTargets,
                        Predictive = FrontierArguments.Knobs(result.GetValue(frontierPredictive)) ?? defaults.Predictive,
                        Balancer = EvaluateArguments.List(result.GetValue(balancers)) is [var only] ? only : defaults.Balancer,
                    };
                    return EvaluateFrontier.Run(workload, plan, result.GetValue(json), result.GetValue(report));
                }
                var specs = result.GetValue(runs) is { } pairs
                    ? EvaluationPlan.Pairs(workload, EvaluateArguments.List(pairs), EvaluateArguments.List(result.GetValue(scenario)))
                    : EvaluationPlan.Build(workload,
                    EvaluateArguments.List(result.GetValue(autoscalers)),
                    EvaluateArguments.List(result.GetValue(balancers)),
                    EvaluateArguments.List(result.GetValue(scenario)));
                return Run(workload, specs, result.GetValue(json), result.GetValue(report), string.Join(' ', ["pipeline", .. result.Tokens.Select(t => t.Value)]));
            }
            catch (Exception e) when (e is ArgumentException or TraceFormatException or IOException)
            {
                Console.Error.WriteLine($"evaluate: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static int Run(EvaluationWorkload workload, IReadOnlyList<RunSpec> specs, string? json, string? report, string commandLine)
    {
        Console.WriteLine(MarkdownReport.Describe(workload));
        var clock = Stopwatch.StartNew();
        var outcomes = EvaluateOutput.RunWithProgress(workload, specs);
        clock.Stop();

        EvaluateOutput.PrintTables(outcomes, workload.Options);
        var simulated = outcomes.Sum(o => o.SimulatedRequests);
        var cpu = outcomes.Sum(o => o.WallTime.TotalSeconds);
        foreach (var o in outcomes)
        {
            Console.WriteLine($"  {o.Result.Autoscaler} + {o.Result.Balancer} ({o.Result.Scenario}): {o.SimulatedRequests / 1e6:0.0} M requests in {o.WallTime.TotalSeconds:0.0} s, of which {o.PolicyTime.TotalSeconds:0.0} s in the policy " +
                              $"({o.SimulatedRequests / (o.WallTime - o.PolicyTime).TotalSeconds / 1e6:0.00} M simulated req/s)");
        }
        Console.WriteLine($"{specs.Count} runs, {simulated / 1e6:0.0} M simulated requests in {clock.Elapsed.TotalSeconds:0.0} s wall time " +
                          $"({simulated / clock.Elapsed.TotalSeconds / 1e6:0.00} M req/s overall, {simulated / cpu / 1e6:0.00} M req/s per run-thread, {Environment.ProcessorCount} cores).");
        if (json is not null)
        {
            JsonReport.Write(json, outcomes.Select(o => o.Result));
            Console.WriteLine($"wrote {json}");
        }
        if (report is not null)
        {
            var path = MarkdownReport.Write(report, workload, outcomes, commandLine);
            Console.WriteLine($"wrote {path} (plots and results.json alongside)");
        }
        return 0;
    }
}
