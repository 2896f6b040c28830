using Pipeline.Simulator.Balancing;
using Pipeline.Simulator.Cluster;
using Pipeline.Simulator.Load;
using Xunit;

namespace Pipeline.Simulator.Tests.Cluster;

/// <summary>
/// The simulator against queueing theory: mean response time within 3% of the closed forms. Seeds are fixed, and
/// each case simulates millions of requests (the sample mean's relative error at rho = 0.9 is about 1%).
/// </summary>
public class QueueingTheoryTests
{
    [Theory]
    [InlineData(0.5, 1_000_000)]
    [InlineData(0.8, 2_000_000)]
    [InlineData(0.9, 4_000_000)]
    public void MeanResponse_MM1_WithinThreePercentOfClosedForm(double rho, int requests)
    {
        const double mu = 10; // 100 ms mean service time
        var lambda = rho * mu;
        var stats = Run(lambda, mu, replicas: 1, workersPerReplica: 1, BalancerNames.RoundRobin, requests, seed: 11);

        var expected = QueueingModels.MM1MeanResponse(lambda, mu);
        var measured = stats.Latency.SumSeconds / stats.Latency.Count;
        Assert.InRange(measured / expected, 0.97, 1.03);
    }

    [Theory]
    [InlineData(0.5, 1_000_000)]
    [InlineData(0.8, 2_000_000)]
    [InlineData(0.9, 4_000_000)]
    public void MeanResponse_MMcJsqWithBalancerQueue_WithinThreePercentOfErlangC(double rho, int requests)
    {
        const double mu = 10;
        const int c = 4;
        var lambda = rho * mu * c;
        // c one-worker replicas, no replica queues, waiting at the balancer: full-knowledge JSQ sends each arrival
        // to an idle server if there is one, else it waits in one FIFO -- the M/M/c model.
        var stats = Run(lambda, mu, replicas: c, workersPerReplica: 1, BalancerNames.Jsq, requests, seed: 12, replicaQueue: 0, balancerQueue: int.MaxValue);

        var expected = QueueingModels.MMcMeanResponse(lambda, mu, c);
        var measured = stats.Latency.SumSeconds / stats.Latency.Count;
        Assert.InRange(measured / expected, 0.97, 1.03);
    }

    [Theory]
    [InlineData(0.8)]
    [InlineData(0.9)]
    public void MeanResponse_JsqWithPerReplicaQueues_BetweenErlangCAndRandomRouting(double rho)
    {
        const double mu = 10;
        const int c = 4;
        var lambda = rho * mu * c;
        // Without jockeying a request can wait behind one replica while another is idle, so JSQ is slower than M/M/c
        // but much faster than random routing (c independent M/M/1 queues at lambda / c).
        var stats = Run(lambda, mu, replicas: c, workersPerReplica: 1, BalancerNames.Jsq, 1_000_000, seed: 13);

        var measured = stats.Latency.SumSeconds / stats.Latency.Count;
        Assert.InRange(measured, QueueingModels.MMcMeanResponse(lambda, mu, c) * 1.01, QueueingModels.MM1MeanResponse(lambda / c, mu) * 0.8);
    }

    internal static ServiceStatistics Run(double lambda, double mu, int replicas, int workersPerReplica, string balancer, int requests, long seed, int replicaQueue = int.MaxValue, int balancerQueue = 0)
    {
        var cluster = new SimulatedCluster(
            new SimulatedClusterOptions { Seed = seed, EmitSamples = false },
            [new ServiceOptions
            {
                Name = "mm",
                Load = new ConstantLoadProfile(lambda),
                Balancer = balancer,
                ServiceTime = ServiceTimeDistribution.Exponential(1 / mu),
                Workers = workersPerReplica,
                InitialReplicas = replicas,
                QueueCapacity = replicaQueue,
                BalancerQueueCapacity = balancerQueue,
            }]);
        // Warm up for 1% of the run, then measure.
        var duration = requests / lambda;
        cluster.AdvanceToSeconds(duration * 0.01);
        cluster.ResetStatistics("mm");
        cluster.AdvanceToSeconds(duration * 1.01);
        return cluster.Statistics("mm");
    }
}
