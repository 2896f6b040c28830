using System.Diagnostics;
using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Service;

namespace Pipeline.Cli.Bench;

/// <summary>
/// Memory of the decision step's per-service state: N services' windows through the real <see cref="PredictorPolicies.CreateStep"/>
/// (one window per service per step, in event-time order), then the managed heap after a full collection minus the heap
/// before, per service. Each service's rate follows a daily sine with noise; its replicas report the utilization that rate
/// makes at 10 req/s per replica, so the predictive policy learns its capacity.
/// </summary>
internal static class StateBench
{
    /// <summary>Heap bytes per service after <paramref name="windows"/> windows of <paramref name="step"/> for each of <paramref name="services"/> services.</summary>
    public static StateBenchResult Run(PredictorOptions options, int services, int windows, TimeSpan step)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var decisionStep = PredictorPolicies.CreateStep(options);
        var names = Enumerable.Range(0, services).Select(s => $"svc-{s:D5}").ToArray();
        var random = new Random(42);
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var perDay = TimeSpan.FromDays(1) / step;
        for (var w = 0; w < windows; w++)
        {
            var end = start + step * (w + 1);
            for (var s = 0; s < services; s++)
            {
                var rate = Math.Max(0, (50 + s % 7 * 10) * (1 + 0.6 * Math.Sin(2 * Math.PI * w / perDay)) * (1 + 0.05 * (random.NextDouble() - 0.5)));
                decisionStep.Decide(Window(names[s], end, step, rate));
            }
        }
        clock.Stop();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(decisionStep);
        return new StateBenchResult((after - before) / (double)services, clock.Elapsed, (long)services * windows);
    }

    private static FeatureWindow Window(string service, DateTimeOffset end, TimeSpan step, double rate)
    {
        var replicas = Math.Max(1, (int)Math.Ceiling(rate / 7));
        return new FeatureWindow
        {
            Service = service,
            WindowStart = end - step,
            WindowEnd = end,
            Replicas = replicas,
            ReadyReplicas = replicas,
            RequestRate = rate,
            Throughput = rate,
            Utilization = Math.Min(1, rate / (10.0 * replicas)),
        };
    }
}

/// <summary>What <see cref="StateBench.Run"/> measured.</summary>
internal sealed record StateBenchResult(double BytesPerService, TimeSpan Elapsed, long Decisions);
