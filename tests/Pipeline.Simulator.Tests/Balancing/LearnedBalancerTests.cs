using Pipeline.Simulator.Balancing;
using Pipeline.Simulator.Cluster;
using Pipeline.Simulator.Load;
using Pipeline.Simulator.Randomness;

namespace Pipeline.Simulator.Tests.Balancing;

public sealed class LearnedBalancerTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static SimulatedCluster Cluster(string balancer, int replicas = 10, bool samples = false) =>
        new(new SimulatedClusterOptions { Start = T0, Seed = 3, EmitSamples = samples },
            [new ServiceOptions
            {
                Name = "web",
                Load = new ConstantLoadProfile(200),
                Balancer = balancer,
                ServiceTime = ServiceTimeDistribution.LogNormal(0.1, 0.5),
                Workers = 4,
                InitialReplicas = replicas,
                StartupDelay = TimeSpan.Zero,
            }]);

    private static long FailuresWithFastFailingReplicas(string balancer, int failing)
    {
        var cluster = Cluster(balancer);
        cluster.AdvanceToSeconds(10);
        for (var i = 0; i < failing; i++) cluster.InjectFault("web", $"web-{i}", new ReplicaFault(ReplicaFaultKind.FailFast));
        cluster.ResetStatistics("web");
        cluster.AdvanceToSeconds(130);
        return cluster.Statistics("web").Failed;
    }

    [Fact]
    public void Pick_FastFailingReplica_EjectedAfterFiveErrorsAndLongerEachTime()
    {
        var learned = FailuresWithFastFailingReplicas(BalancerNames.Learned, 1);
        var leastRequest = FailuresWithFastFailingReplicas(BalancerNames.LeastRequest, 1);

        // 120 s: ejected at once for 30 s, back and re-ejected for 60 s, back at ~90 s... about 5 errors per return.
        Assert.InRange(learned, 5, 25);
        // The trap: the failing replica never holds a request, so least-request sends it every request it draws.
        Assert.True(leastRequest > 2_000, $"least-request failures {leastRequest}");
    }

    [Fact]
    public void Pick_FailingReplicaHeals_GetsTrafficAgainAfterItsEjection()
    {
        var cluster = Cluster(BalancerNames.Learned, samples: true);
        cluster.AdvanceToSeconds(10);
        cluster.InjectFault("web", "web-0", new ReplicaFault(ReplicaFaultKind.FailFast));
        cluster.AdvanceToSeconds(20);
        cluster.InjectFault("web", "web-0", ReplicaFault.Healthy);
        cluster.AdvanceToSeconds(100);
        cluster.DrainSamples();
        cluster.AdvanceToSeconds(130);

        var served = cluster.DrainSamples().Where(s => s.Replica == "web-0").Sum(s => s.Completed - s.Errors);

        // 200 req/s over 10 replicas: a healed replica back in rotation serves its ~20 req/s share again.
        Assert.True(served > 200, $"web-0 served {served} requests in 30 s after healing");
    }

    [Fact]
    public void Pick_TwoFailingOfTen_OnlyOneEjectedButTheOtherStarvedBySuccessShare()
    {
        var learned = FailuresWithFastFailingReplicas(BalancerNames.Learned, 2);

        // Budget max(1, 10% of 10) = 1; the second trap still loses its traffic through the success-share factor.
        Assert.InRange(learned, 10, 400);
    }

    [Fact]
    public void Pick_ConsecutiveErrors_EjectsWithinBudgetOnly()
    {
        var replicas = Hosts.Create("a", "b", "c");
        var balancer = new LearnedBalancer(SimRandom.Stream(1, 1));
        balancer.Pick(Hosts.Views(replicas), 0);
        foreach (var r in replicas[..2])
        {
            r.Completed += 5;
            r.Errors += 5;
        }

        balancer.Pick(Hosts.Views(replicas), 1);

        Assert.True(balancer.IsEjected("a", 1) ^ balancer.IsEjected("b", 1)); // budget for 3 replicas: 1
        Assert.False(balancer.IsEjected("c", 1));
        var ejected = balancer.IsEjected("a", 1) ? "a" : "b";
        Assert.True(balancer.IsEjected(ejected, 30.9));
        Assert.False(balancer.IsEjected(ejected, 31));
    }

    [Fact]
    public void Pick_NewHost_RampsUpWithEnvoySlowStart()
    {
        var replicas = Hosts.Create("a", "b", "c");
        var balancer = new LearnedBalancer(SimRandom.Stream(1, 1));
        balancer.Pick(Hosts.Views(replicas[..2]), 0); // a, b: the initial fleet
        replicas[0].Busy = replicas[1].Busy = 3;     // effective weight 1 / 4 = 0.25 each

        var joined = balancer.Pick(Hosts.Views(replicas), 100);   // c: factor 0.1 -> loses
        var halfway = balancer.Pick(Hosts.Views(replicas), 160);  // c: factor 0.5 -> wins
        replicas[2].Busy = 2;
        var loaded = balancer.Pick(Hosts.Views(replicas), 160);   // c: 0.5 / 3 < 0.25 -> loses

        Assert.NotEqual(2, joined);
        Assert.Equal(2, halfway);
        Assert.NotEqual(2, loaded);
    }

    [Fact]
    public void Pick_WeightsAndActiveRequests_EnvoyEffectiveWeightDecides()
    {
        var replicas = Hosts.Create("a", "b", "c");
        replicas[0].Weight = 4;
        replicas[1].Weight = 1;
        replicas[2].Weight = 0;
        var balancer = new LearnedBalancer(SimRandom.Stream(1, 1));

        Assert.Equal(0, balancer.Pick(Hosts.Views(replicas), 0)); // 4/1 > 1/1
        replicas[0].Busy = 4;
        Assert.Equal(1, balancer.Pick(Hosts.Views(replicas), 0)); // 4/5 < 1/1
        replicas[1].Busy = 10;
        Assert.Equal(0, balancer.Pick(Hosts.Views(replicas), 0)); // weight 0 never, even idle
    }

    [Fact]
    public void Pick_HeavyHostWithAllWorkersBusy_LosesToAnyHostWithAFreeWorker()
    {
        var replicas = Hosts.Create("fast", "slow");
        replicas[0].Weight = 100;
        replicas[1].Weight = 1;
        var balancer = new LearnedBalancer(SimRandom.Stream(1, 1));

        replicas[0].Busy = 3; // one of 4 workers free: 100/4 beats 1/1
        var free = balancer.Pick(Hosts.Views(replicas), 0);
        replicas[0].Busy = 4; // would queue: the idle light host wins whatever the weights
        var saturated = balancer.Pick(Hosts.Views(replicas), 0);

        Assert.Equal(0, free);
        Assert.Equal(1, saturated);
    }

    [Fact]
    public void Pick_EqualizeUtilization_HostAboveTheFleetMeanLosesToOneBelowWhateverTheWeights()
    {
        var replicas = Hosts.Create("fast", "slow");
        replicas[0].Weight = 8;
        replicas[1].Weight = 1;
        replicas[0].Busy = 3; // utilization 0.75, effective weight 8/4 = 2 > 1/1
        var balancer = new LearnedBalancer(SimRandom.Stream(1, 1)) { EqualizeUtilization = true };
        var fixedFleet = new LearnedBalancer(SimRandom.Stream(1, 1));
        for (var t = 0.0; t < 10; t += 0.1)
        {
            balancer.Pick(Hosts.Views(replicas), t);
            fixedFleet.Pick(Hosts.Views(replicas), t);
        }

        Assert.Equal(1, balancer.Pick(Hosts.Views(replicas), 10));   // 0.75 > mean 0.375: the idle host first
        Assert.Equal(0, fixedFleet.Pick(Hosts.Views(replicas), 10)); // fixed fleet: the weights decide
        Assert.InRange(balancer.Utilization("fast"), 0.74, 0.76);
    }

    [Fact]
    public void Pick_EqualizeUtilizationAndSlowStart_NewHostBelowTheMeanStillFirst()
    {
        var replicas = Hosts.Create("a", "b", "c");
        var balancer = new LearnedBalancer(SimRandom.Stream(1, 1)) { EqualizeUtilization = true };
        balancer.Pick(Hosts.Views(replicas[..2]), 0); // a, b: the initial fleet
        replicas[0].Busy = replicas[1].Busy = 3;     // 0.75 each
        replicas[2].Busy = 1;                        // c joins at 0.25, below the mean 0.58; slow-start factor 0.1

        var joined = balancer.Pick(Hosts.Views(replicas), 100);

        // Slow start must not hold c below the mean (that would hide load from the autoscaler while it scales up):
        // c wins although its slow-start weight 0.1 / 2 is below a's and b's 1 / 4.
        Assert.Equal(2, joined);
    }

    [Fact]
    public void Run_HeterogeneousReplicasWithEqualizeUtilization_UtilizationsEqualInsteadOfFastHostsHot()
    {
        static (double Slow, double Fast) Utilizations(bool equalize)
        {
            var cluster = new SimulatedCluster(new SimulatedClusterOptions { Start = T0, Seed = 3, EmitSamples = true },
                [new ServiceOptions
                {
                    Name = "web",
                    Load = new ConstantLoadProfile(80),
                    Balancer = BalancerNames.Learned,
                    ServiceTime = ServiceTimeDistribution.LogNormal(0.1, 0.5),
                    Workers = 4,
                    InitialReplicas = 4,
                    SpeedFactors = [0.5, 2.0], // capacity 20 and 80 req/s: 80 req/s is 40% of the fleet's 200
                    StartupDelay = TimeSpan.Zero,
                    EqualizeUtilization = equalize,
                }]);
            cluster.AdvanceToSeconds(60);
            cluster.DrainSamples();
            cluster.AdvanceToSeconds(360);
            var samples = cluster.DrainSamples();
            double Mean(int parity) => samples.Where(s => int.Parse(s.Replica[4..]) % 2 == parity).Average(s => s.Utilization);
            return (Mean(0), Mean(1));
        }

        var equal = Utilizations(equalize: true);
        var greedy = Utilizations(equalize: false);

        Assert.InRange(equal.Slow, 0.3, 0.5);
        Assert.InRange(equal.Fast - equal.Slow, -0.1, 0.1);
        Assert.True(greedy.Fast - greedy.Slow > 0.2, $"fixed-fleet mode: fast {greedy.Fast:0.00}, slow {greedy.Slow:0.00}");
    }

    [Fact]
    public void Pick_EveryHostWouldQueue_ShorterQueueWinsEvenWithTinyWeights()
    {
        var replicas = Hosts.Create("long", "short");
        foreach (var r in replicas) r.Weight = 1e-4;
        replicas[0].Busy = replicas[1].Busy = 4;
        replicas[0].Queued = 1; // effective weights 1e-4/6 and 1e-4/5: a tier offset of 1e12 would round both to it

        for (var seed = 1; seed <= 20; seed++)
        {
            Assert.Equal(1, new LearnedBalancer(SimRandom.Stream(seed, 1)).Pick(Hosts.Views(replicas), 0));
        }
    }
}
