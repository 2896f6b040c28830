using Pipeline.Contracts.Messages;
using Pipeline.Simulator.Balancing;
using Pipeline.Simulator.Cluster;
using Pipeline.Simulator.Load;

namespace Pipeline.Simulator.Tests.Cluster;

public class SimulatedClusterTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static SimulatedCluster Create(double rate, int replicas = 2, string balancer = BalancerNames.RoundRobin, double startupSeconds = 10, int workers = 2, long seed = 5) =>
        new(new SimulatedClusterOptions { Start = T0, Seed = seed },
            [new ServiceOptions
            {
                Name = "web",
                Load = new ConstantLoadProfile(rate),
                Balancer = balancer,
                ServiceTime = ServiceTimeDistribution.Exponential(0.05),
                Workers = workers,
                InitialReplicas = replicas,
                StartupDelay = TimeSpan.FromSeconds(startupSeconds),
            }]);

    [Fact]
    public void SetDesiredReplicas_ScaleUp_NewReplicasGetTrafficOnlyAfterStartupDelay()
    {
        var cluster = Create(rate: 20, replicas: 1);
        cluster.SetDesiredReplicas("web", 3);
        cluster.AdvanceTo(T0.AddSeconds(9.5));
        var counts = cluster.Counts("web");
        var early = cluster.DrainSamples();
        cluster.AdvanceTo(T0.AddSeconds(30));
        var late = cluster.DrainSamples();

        Assert.Equal((3, 1, 2, 0), counts);
        Assert.All(early.Where(s => s.Replica != "web-0"), s => Assert.Equal(0, s.Requests));
        Assert.All(early.Where(s => s.Replica != "web-0"), s => Assert.False(s.Ready));
        Assert.Equal((3, 3, 0, 0), cluster.Counts("web"));
        Assert.True(late.Where(s => s.Replica == "web-2").Sum(s => s.Requests) > 50);
    }

    [Fact]
    public void SetDesiredReplicas_ScaleDown_DrainsInFlightWorkWithoutFailures()
    {
        var cluster = Create(rate: 70, replicas: 4, startupSeconds: 0);
        cluster.AdvanceTo(T0.AddSeconds(20));
        cluster.SetDesiredReplicas("web", 1);
        var right = cluster.Snapshot("web");
        cluster.AdvanceTo(T0.AddSeconds(40));

        Assert.Equal(1, right.ReadyReplicas);
        Assert.InRange(right.DrainingReplicas, 1, 3);
        Assert.Equal((1, 1, 0, 0), cluster.Counts("web"));
        var stats = cluster.Statistics("web");
        Assert.Equal(0, stats.Failed);
        Assert.Equal(0, stats.Rejected);
    }

    [Fact]
    public void InjectFault_FailFast_RequestsToThatReplicaFailImmediately()
    {
        var cluster = Create(rate: 40, replicas: 2, balancer: BalancerNames.RoundRobin);
        var victim = cluster.InjectFault("web", null, new ReplicaFault(ReplicaFaultKind.FailFast));
        cluster.AdvanceTo(T0.AddSeconds(10));

        var samples = cluster.DrainSamples();
        var failed = samples.Where(s => s.Replica == victim).ToList();
        Assert.Equal(failed.Sum(s => s.Requests), failed.Sum(s => s.Errors));
        Assert.True(failed.Sum(s => s.Errors) > 100);
        Assert.Equal(0, samples.Where(s => s.Replica != victim).Sum(s => s.Errors));
    }

    [Fact]
    public void InjectFault_Slow_RaisesLatencyOfThatReplica()
    {
        var cluster = Create(rate: 10, replicas: 2, balancer: BalancerNames.RoundRobin);
        var victim = cluster.InjectFault("web", "web-1", new ReplicaFault(ReplicaFaultKind.Slow, SlowdownFactor: 5));
        cluster.AdvanceTo(T0.AddSeconds(200));

        var samples = cluster.DrainSamples();
        double Mean(Func<MetricSample, bool> which) => samples.Where(which).Sum(s => s.LatencySumMs) / samples.Where(which).Sum(s => s.Completed);
        Assert.Equal("web-1", victim);
        Assert.True(Mean(s => s.Replica == "web-1") > 4 * Mean(s => s.Replica == "web-0"));
    }

    [Fact]
    public void InjectFault_Disappear_FailsInFlightAndStartsReplacement()
    {
        var cluster = Create(rate: 70, replicas: 2, startupSeconds: 10);
        cluster.AdvanceTo(T0.AddSeconds(5));
        var inFlight = cluster.Snapshot("web").Replicas.Single(r => r.Name == "web-0").InFlight;
        cluster.InjectFault("web", "web-0", new ReplicaFault(ReplicaFaultKind.Disappear));

        Assert.Equal(inFlight, cluster.Statistics("web").Failed);
        Assert.Equal((2, 1, 1, 0), cluster.Counts("web"));
        cluster.AdvanceTo(T0.AddSeconds(16));
        Assert.Equal((2, 2, 0, 0), cluster.Counts("web"));
        Assert.DoesNotContain(cluster.Snapshot("web").Replicas, r => r.Name == "web-0");
    }

    [Fact]
    public void DrainSamples_EverySecond_OnePerReplicaWithConsistentCounts()
    {
        var cluster = Create(rate: 50, replicas: 2);
        cluster.AdvanceTo(T0.AddSeconds(60));
        var samples = cluster.DrainSamples();

        Assert.Equal(120, samples.Count);
        Assert.Equal(T0.AddSeconds(1), samples[0].Timestamp);
        Assert.All(samples, s => Assert.Equal(1.0, s.IntervalSeconds));
        var withLatency = samples.Where(s => s.LatencyCounts.Length > 0).ToList();
        Assert.All(withLatency, s => Assert.Equal(LatencyBuckets.Count, s.LatencyCounts.Length));
        Assert.All(withLatency, s => Assert.Equal(s.Completed - s.Errors, s.LatencyCounts.Sum()));
        var arrivals = samples.Sum(s => s.Requests);
        Assert.InRange(arrivals, 2700, 3300);
        Assert.InRange(samples.Average(s => s.Utilization), 0.5 * 25 * 0.05 * 0.8, 0.5 * 25 * 0.05 * 1.2);
        Assert.Empty(cluster.DrainSamples());
    }

    [Fact]
    public void AdvanceTo_SameSeed_SameResults()
    {
        var a = Create(rate: 80, replicas: 3, balancer: BalancerNames.LeastRequest);
        var b = Create(rate: 80, replicas: 3, balancer: BalancerNames.LeastRequest);
        a.AdvanceTo(T0.AddSeconds(100));
        b.AdvanceTo(T0.AddSeconds(100));

        Assert.Equal(a.Statistics("web").Latency.SumSeconds, b.Statistics("web").Latency.SumSeconds);
        Assert.Equal(a.Statistics("web").Arrivals, b.Statistics("web").Arrivals);
    }

    [Fact]
    public void SetRouteWeights_WeightedBalancer_FavoursHeavierReplica()
    {
        var cluster = Create(rate: 40, replicas: 2, balancer: BalancerNames.Weighted);
        cluster.SetRouteWeights("web", new Dictionary<string, double> { ["web-0"] = 3, ["web-1"] = 1 });
        cluster.AdvanceTo(T0.AddSeconds(100));
        var samples = cluster.DrainSamples();

        // Envoy's weighted least-request divides each weight by (active requests + 1), so the split is not exactly 3:1.
        var share = samples.Where(s => s.Replica == "web-0").Sum(s => s.Requests) / (double)samples.Sum(s => s.Requests);
        Assert.InRange(share, 0.6, 0.8);
        Assert.Equal([3.0, 1.0], cluster.Snapshot("web").Replicas.Select(r => r.Weight));
    }

    [Fact]
    public void Constructor_UnknownBalancer_RejectedWithKnownNames()
    {
        var error = Assert.Throws<ArgumentException>(() => Create(rate: 1, balancer: "nope"));
        Assert.Contains("round-robin", error.Message);
        Assert.Contains("peak-ewma", error.Message);
    }

    [Fact]
    public void Statistics_Utilization_MatchesOfferedLoad()
    {
        var cluster = Create(rate: 40, replicas: 2, startupSeconds: 0, workers: 2);
        cluster.AdvanceTo(T0.AddSeconds(500));
        var stats = cluster.Statistics("web");

        // offered work 40/s * 50 ms = 2 busy workers out of 4
        Assert.InRange(stats.BusyWorkerSeconds / stats.ServingWorkerSeconds, 0.47, 0.53);
        Assert.Equal(1000, stats.ReplicaSeconds, 6);
    }
}
