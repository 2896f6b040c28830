using Pipeline.Predictor.Queueing;

namespace Pipeline.Predictor.Tests.Queueing;

public class SlaLimitsTests
{
    // The evaluation's service: 4 workers per replica, 200 ms lognormal (cv 0.5), SLO 1 s, 99.9% SLA: 20 req/s per replica at 100%.
    private static SlaLimits Evaluation => SlaLimits.For(4, 0.2, 0.5, 1.0, 0.001);

    [Fact]
    public void Utilization_RisesWithReplicasAsTheWorkersPool()
    {
        var limits = Evaluation;
        var byReplicas = Enumerable.Range(1, 30).Select(limits.Utilization).ToList();

        Assert.All(byReplicas.Zip(byReplicas.Skip(1)), p => Assert.True(p.Second > p.First, $"{p.First} then {p.Second}"));
        Assert.InRange(byReplicas[0], 0.715, 0.735); // one replica: M/G/4
        Assert.InRange(byReplicas[9], 0.96, 0.975);  // ten replicas pooled: M/G/40
        Assert.All(byReplicas, u => Assert.True(u < 1));
    }

    [Fact]
    public void Utilization_IsWhereTheResponseTimeTailMeetsTheBudget()
    {
        var limits = Evaluation;
        var service = ServiceTimeModel.For(0.2, 0.5);
        foreach (var n in new[] { 1, 3, 8 })
        {
            var rho = limits.Utilization(n);
            double Tail(double u) => ResponseTimeTail.Probability(u * n * 4 / service.MeanSeconds, n * 4, service, 1.0);
            // The mean service time is rounded to 0.5%, so probe 1% either side of the limit.
            Assert.True(Tail(rho * 0.99) <= 0.001, $"n={n}: {Tail(rho * 0.99)} at {rho * 0.99}");
            Assert.True(Tail(Math.Min(0.999, rho * 1.01)) > 0.001, $"n={n}: {Tail(rho * 1.01)} at {rho * 1.01}");
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(13)]
    [InlineData(19.9)]
    [InlineData(77)]
    [InlineData(250)]
    [InlineData(1234.5)]
    public void Replicas_AreTheFewestThatCarryTheRateWithinTheSla(double rate)
    {
        var limits = Evaluation;

        var n = Assert.IsType<int>(limits.Replicas(rate, 20));

        Assert.True(rate <= n * 20 * limits.Utilization(n), $"{n} replicas carry {n * 20 * limits.Utilization(n)} req/s, below {rate}");
        Assert.True(n == 1 || rate > (n - 1) * 20 * limits.Utilization(n - 1), $"{n - 1} replicas would carry {rate}");
    }

    [Fact]
    public void Replicas_StopAtTheMost()
    {
        Assert.Equal(60, Evaluation.Replicas(1e9, 20, most: 60));
        Assert.Equal(3, Evaluation.Replicas(41, 20, most: 60)); // two replicas carry 2 x 20 x 0.856 = 34 req/s
    }

    [Fact]
    public void Replicas_NoneForNoDemand_NullWhenTheServiceTimeAloneBreaksTheSla()
    {
        Assert.Equal(0, Evaluation.Replicas(0, 20));
        // A 100 ms SLO on a 200 ms service: most requests miss it however idle the replicas.
        Assert.Null(SlaLimits.For(4, 0.2, 0.5, 0.1, 0.001).Replicas(10, 20));
    }
}
