using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Autoscaling;

namespace Pipeline.Predictor.Tests.Autoscaling;

/// <summary>Builders of feature windows and contexts for policy tests, at seconds after a fixed epoch.</summary>
internal static class Windows
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A 15 s window ending at <paramref name="endSeconds"/> with ready replicas at the given utilizations and <paramref name="unready"/> not-ready ones.</summary>
    public static FeatureWindow Window(double endSeconds, double[] utilizations, int unready = 0, string service = "web")
    {
        var replicas = utilizations.Select((u, i) => new ReplicaFeatures { Replica = $"r{i}", Ready = true, Utilization = u })
            .Concat(Enumerable.Range(0, unready).Select(i => new ReplicaFeatures { Replica = $"u{i}", Ready = false, Utilization = 0.05 }))
            .ToList();
        return new FeatureWindow
        {
            Service = service,
            WindowStart = Epoch.AddSeconds(endSeconds - 15),
            WindowEnd = Epoch.AddSeconds(endSeconds),
            Replicas = replicas.Count,
            ReadyReplicas = utilizations.Length,
            Utilization = utilizations.Length > 0 ? utilizations.Average() : 0,
            ReplicaFeatures = replicas,
        };
    }

    /// <summary>n ready replicas all at <paramref name="utilization"/>.</summary>
    public static FeatureWindow Uniform(double endSeconds, int n, double utilization) => Window(endSeconds, [.. Enumerable.Repeat(utilization, n)]);

    public static AutoscalingContext Context(FeatureWindow window, int current, int min = 1, int max = 100) => new()
    {
        Service = window.Service,
        Now = window.WindowEnd,
        Window = window,
        CurrentReplicas = current,
        MinReplicas = min,
        MaxReplicas = max,
    };
}
