using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Cli.SimToReal;
using Pipeline.Contracts.Messages;
using Pipeline.Fleet.Local;
using Pipeline.Fleet.Proxy;
using Pipeline.Predictor.Service;
using Pipeline.Simulator.Traces;

namespace Pipeline.Cli.Demo;

/// <summary>
/// <c>pipeline demo --target local</c>: the pipeline on real processes. Broker, stages, the YARP proxy, replica processes
/// started and stopped by the <c>local</c> target, and the load generator following the demo's load (or a trace)
/// through the proxy; decisions printed as they happen; at the end the real figures beside the simulator's for the same
/// run (the sim-to-real check of this one run). Both sides start from the same pre-rolled decision step.
/// </summary>
internal static class LocalDemo
{
    public static async Task<int> RunAsync(PredictorOptions predictor, string? tracePath, TimeSpan duration, double speed, TimeSpan preroll, long seed,
        CancellationToken cancellationToken)
    {
        // The real fleet runs in wall time: the load is compressed by the speed and the pre-roll is wall-equivalent time.
        var trace = tracePath is null ? SyntheticTrace.Create((preroll + duration) * speed + TimeSpan.FromMinutes(1), preroll * speed, DateTimeOffset.UnixEpoch) : TraceReader.Read(tracePath);
        var settings = new SimToRealSettings
        {
            TracePath = tracePath ?? "synthetic",
            Trace = trace,
            Start = preroll * speed,
            Duration = duration,
            Speed = speed,
            PeakRps = tracePath is null ? PeakOf(trace, preroll * speed, duration * speed) : Hosting.SimulationSetup.TracePeakRatePerSecond,
            Preroll = preroll,
            Runs = [(predictor.AutoscalingPolicy, ProxyBalancerNames.Learned)],
            Replica = new LocalReplicaSettings { ServiceMeanMs = 100, StartupDelay = TimeSpan.FromSeconds(10), Seed = seed },
            TargetUtilization = predictor.TargetUtilization,
            MaxReplicas = Math.Min(predictor.MaxReplicas, 30),
            Seed = seed,
        };
        var load = SegmentLoad.Create(settings);
        Console.WriteLine($"pipeline demo --target local: {settings.TracePath} compressed {speed:0.##}x, peak {settings.PeakRps:0} req/s, " +
                          $"real `pipeline replica` processes ({settings.Replica.Workers} workers, {settings.Replica.ServiceMeanMs:0} ms) behind the YARP proxy (learned); " +
                          $"policy {predictor.AutoscalingPolicy}; {duration.TotalSeconds:0} s");
        using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        var state = new DemoState();
        void Print(ScaleDecision d) => Console.WriteLine($"decision {d.WindowEnd:HH:mm:ss} {d.Service} {d.CurrentReplicas} -> {d.DesiredReplicas} [{d.Rule}] {d.Explanation}");
        var start = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        start = new DateTimeOffset(start.UtcTicks - start.UtcTicks % TimeSpan.FromSeconds(15).Ticks + TimeSpan.FromSeconds(15).Ticks, TimeSpan.Zero);
        var (real, result, note) = await RealSide.RunAsync(load, predictor.AutoscalingPolicy, ProxyBalancerNames.Learned, start,
            line => Console.WriteLine($"status: {line}"), logging, cancellationToken,
            (services, kafka) => services.AddHostedService(_ => new DemoMonitor(kafka, state, Print)));
        var sim = new SimSide(load, predictor.AutoscalingPolicy, ProxyBalancerNames.Learned, start - preroll);
        sim.Preroll(start);
        sim.StartSegment();
        sim.RunTo(start + duration);
        Console.WriteLine();
        Console.WriteLine($"== pipeline demo --target local summary: {state.ScaleDecisions} scale decisions, {state.RouteDecisions} route decisions, " +
                          $"{result.Sent} requests sent, {result.Errors} errors ({string.Join(", ", result.ErrorsByKind.Select(p => $"{p.Key} {p.Value}"))}), " +
                          $"schedule lag p99 {result.ScheduleLag.P99:0.0} ms ==");
        foreach (var warning in result.Warnings) Console.WriteLine($"WARNING: {warning}");
        SimToRealReport.Print(Console.Out, settings, [new Comparison(predictor.AutoscalingPolicy, ProxyBalancerNames.Learned, SimToRealRunner.Figures(sim), real, note)]);
        return 0;
    }

    private static double PeakOf(Trace trace, TimeSpan from, TimeSpan length)
    {
        var first = (int)(from / trace.Interval);
        var count = (int)Math.Ceiling(length / trace.Interval);
        return trace.Requests.Skip(first).Take(count).Max();
    }
}
