using Pipeline.Predictor.Queueing;
using Pipeline.Simulator.Queueing;
using Pipeline.Simulator.Tests.Cluster;

namespace Pipeline.Simulator.Tests.Queueing;

/// <summary>The M/G/c response-time tail against closed forms: Erlang C, and the exact M/M/c response-time distribution.</summary>
public class ResponseTimeTailTests
{
    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(4, 3.2)]
    [InlineData(10, 9.5)]
    public void ProbabilityOfWaiting_MatchesErlangCSum(int c, double a)
    {
        Assert.Equal(QueueingModels.ErlangC(c, a), ErlangC.ProbabilityOfWaiting(c, a), 9);
    }

    [Fact]
    public void ProbabilityOfWaiting_ThousandServers_FiniteAndBelowOne()
    {
        // The factorial sum overflows at c = 1000; the Erlang B recursion does not.
        Assert.InRange(ErlangC.ProbabilityOfWaiting(1000, 990), 0.01, 0.99);
    }

    [Theory]
    [InlineData(1, 0.5, 1.0)]
    [InlineData(4, 0.8, 1.0)]
    [InlineData(4, 0.9, 0.5)]
    [InlineData(20, 0.9, 1.0)]
    public void Probability_ExponentialService_MatchesExactMMc(int c, double rho, double t)
    {
        const double mu = 5; // 200 ms
        var lambda = rho * c * mu;
        var wait = QueueingModels.ErlangC(c, lambda / mu);
        var a = c * mu - lambda;
        // R = W + S, W = 0 w.p. 1 - C else Exp(a), S ~ Exp(mu): P(R > t) = (1 - C) e^{-mu t} + C (a e^{-mu t} - mu e^{-a t}) / (a - mu).
        var exact = (1 - wait) * Math.Exp(-mu * t) + wait * (a * Math.Exp(-mu * t) - mu * Math.Exp(-a * t)) / (a - mu);

        var model = ResponseTimeTail.Probability(lambda, c, ServiceTimeModel.Exponential(1 / mu), t);

        Assert.Equal(1, model / exact, 3);
    }

    [Fact]
    public void MaxUtilization_AtResult_TailWithinBudgetAndJustAbove()
    {
        var service = ServiceTimeModel.For(0.2, 0.5);

        var rho = SlaCapacity.MaxUtilization(service, 4, 1.0, 0.001)!.Value;

        Assert.InRange(rho, 0.72, 0.73); // the SLA utilization the READMEs quote (0.725)
        Assert.True(ResponseTimeTail.Probability(rho * 20, 4, service, 1.0) <= 0.001);
        Assert.True(ResponseTimeTail.Probability((rho + 0.01) * 20, 4, service, 1.0) > 0.001);
    }

    [Fact]
    public void MaxUtilization_ServiceTailAloneOverBudget_Null()
    {
        // Lognormal mean 200 ms, cv 2: far more than 0.1% of requests take over 1 s even without waiting.
        Assert.Null(SlaCapacity.MaxUtilization(ServiceTimeModel.For(0.2, 2), 4, 1.0, 0.001));
    }
}
