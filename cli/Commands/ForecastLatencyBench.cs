using System.Diagnostics;
using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Autoscaling;
using Pipeline.Predictor.Autoscaling.Predictive;
using Trace = Pipeline.Simulator.Traces.Trace;

namespace Pipeline.Cli.Commands;

/// <summary>
/// Decision latency of the <c>predictive</c> policy: replays the trace as 15 s feature windows (each row's rate,
/// replicas at the given per-replica capacity), trains in the background and sizes at the SLA (the evaluation's
/// service) as live, and times every decision made from a forecast (fallback decisions excluded).
/// </summary>
internal static class ForecastLatencyBench
{
    public static (double MeanUs, double P50Us, double P99Us, int Decisions) Measure(Trace trace, double days, double capacityPerReplica)
    {
        var window = TimeSpan.FromSeconds(15);
        var policy = PredictiveRegistration.Create(new PredictiveOptions
        {
            Trainer = Pipeline.Predictor.Forecasting.Training.TrainerModes.Background,
            Sla = new SlaSizingOptions(),
        });
        var peak = trace.PeakRatePerSecond;
        var scale = 20 * capacityPerReplica * 0.7 / Math.Max(peak, 1e-9);
        var perRow = Math.Max(1, (int)Math.Round(trace.Interval / window));
        var rows = (int)Math.Min(trace.Requests.Count, Math.Round(TimeSpan.FromDays(days) / trace.Interval));
        var samples = new List<double>();
        var replicas = 1;
        var start = trace.Start;
        var n = 0;
        for (var i = 0; i < rows; i++)
        {
            var rate = trace.Requests[i] / trace.Interval.TotalSeconds * scale;
            for (var j = 0; j < perRow; j++, n++)
            {
                var end = start + window * (n + 1);
                var utilization = Math.Min(1, rate / (replicas * capacityPerReplica));
                var fw = new FeatureWindow
                {
                    Service = "bench",
                    WindowStart = end - window,
                    WindowEnd = end,
                    Replicas = replicas,
                    ReadyReplicas = replicas,
                    RequestRate = rate,
                    Throughput = Math.Min(rate, replicas * capacityPerReplica),
                    Utilization = utilization,
                    ReplicaFeatures = Enumerable.Range(0, replicas).Select(r => new ReplicaFeatures { Replica = $"r{r}", Utilization = utilization }).ToArray(),
                };
                var clock = Stopwatch.StartNew();
                var decision = policy.Decide(new AutoscalingContext { Service = "bench", Now = end, Window = fw, CurrentReplicas = replicas, MaxReplicas = 200 });
                var elapsed = clock.Elapsed.TotalMicroseconds;
                if (decision.Rule != PredictiveRules.Fallback) samples.Add(elapsed);
                replicas = decision.DesiredReplicas;
            }
        }
        if (samples.Count == 0) return (double.NaN, double.NaN, double.NaN, 0);
        samples.Sort();
        return (samples.Average(), samples[samples.Count / 2], samples[(int)(samples.Count * 0.99)], samples.Count);
    }
}
