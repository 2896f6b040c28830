using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Autoscaling;

namespace Pipeline.Predictor.Tests.Predictive;

/// <summary>Feeds a policy windows of a synthetic service whose replicas serve <see cref="Capacity"/> req/s each and are ready at once.</summary>
internal sealed class PolicyDriver(IAutoscalingPolicy policy, TimeSpan step, int replicas = 2, int maxReplicas = 100, string service = "svc")
{
    public const double Capacity = 40;
    public static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private long _windows;

    public int Replicas { get; set; } = replicas;

    public List<ScaleDecision> Decisions { get; } = [];

    /// <summary>One window at <paramref name="rate"/> req/s; the decision's replicas become current.</summary>
    public ScaleDecision Step(double rate)
    {
        var end = Start + step * (++_windows);
        var utilization = Math.Min(1, rate / (Replicas * Capacity));
        var window = new FeatureWindow
        {
            Service = service,
            WindowStart = end - step,
            WindowEnd = end,
            Replicas = Replicas,
            ReadyReplicas = Replicas,
            RequestRate = rate,
            Throughput = Math.Min(rate, Replicas * Capacity),
            Utilization = utilization,
            ReplicaFeatures = Enumerable.Range(0, Replicas).Select(i => new ReplicaFeatures { Replica = $"r{i}", Utilization = utilization }).ToArray(),
        };
        var decision = policy.Decide(new AutoscalingContext { Service = service, Now = end, Window = window, CurrentReplicas = Replicas, MaxReplicas = maxReplicas });
        Replicas = decision.DesiredReplicas;
        Decisions.Add(decision);
        return decision;
    }

    /// <summary>Advances time by <paramref name="windows"/> windows without deciding (e.g. the span a previous instance covered).</summary>
    public void Skip(int windows) => _windows += windows;

    public void Run(IEnumerable<double> rates)
    {
        foreach (var r in rates) Step(r);
    }
}
