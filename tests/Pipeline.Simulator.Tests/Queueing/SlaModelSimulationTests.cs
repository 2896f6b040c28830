using Pipeline.Simulator.Balancing;
using Pipeline.Simulator.Cluster;
using Pipeline.Simulator.Load;
using Pipeline.Predictor.Queueing;
using Pipeline.Simulator.Queueing;

namespace Pipeline.Simulator.Tests.Queueing;

/// <summary>
/// The SLA model against the simulator: 4 replicas of 4 workers, lognormal 200 ms (cv 0.5), SLO 1 s, at the model's SLA
/// utilization. Random routing splits Poisson arrivals into Poisson streams (the model's assumption); least-request
/// balances better, so the model is conservative for it.
/// </summary>
public class SlaModelSimulationTests
{
    private static readonly ServiceTimeModel Service = ServiceTimeModel.For(0.2, 0.5);

    [Fact]
    public void SlowFraction_RandomRoutingAtSlaUtilization_WithinFactorOfModel()
    {
        var rho = SlaCapacity.MaxUtilization(Service, 4, 1.0, 0.001)!.Value;
        var predicted = ResponseTimeTail.Probability(rho * 20, 4, Service, 1.0);

        var measured = SlowFraction(BalancerNames.Random, rho, seed: 21);

        Assert.InRange(measured / predicted, 0.6, 1.5);
    }

    [Fact]
    public void SlowFraction_LeastRequestAtSlaUtilization_BelowSla()
    {
        var rho = SlaCapacity.MaxUtilization(Service, 4, 1.0, 0.001)!.Value;

        Assert.True(SlowFraction(BalancerNames.LeastRequest, rho, seed: 22) <= 0.001);
    }

    private static double SlowFraction(string balancer, double rho, long seed)
    {
        const int replicas = 4;
        var lambda = rho * 20 * replicas;
        var cluster = new SimulatedCluster(
            new SimulatedClusterOptions { Seed = seed, EmitSamples = false },
            [new ServiceOptions
            {
                Name = "sla",
                Load = new ConstantLoadProfile(lambda),
                Balancer = balancer,
                ServiceTime = ServiceTimeDistribution.LogNormal(0.2, 0.5),
                Workers = 4,
                InitialReplicas = replicas,
                QueueCapacity = int.MaxValue,
                Slo = TimeSpan.FromSeconds(1),
            }]);
        var duration = 2_000_000 / lambda;
        cluster.AdvanceToSeconds(duration * 0.01);
        cluster.ResetStatistics("sla");
        cluster.AdvanceToSeconds(duration * 1.01);
        var stats = cluster.Statistics("sla");
        return stats.SlowRequests / (double)stats.Arrivals;
    }
}
