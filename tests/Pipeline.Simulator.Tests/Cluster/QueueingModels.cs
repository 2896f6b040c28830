namespace Pipeline.Simulator.Tests.Cluster;

/// <summary>Closed forms of M/M/1 and M/M/c (Erlang C) mean response times.</summary>
internal static class QueueingModels
{
    /// <summary>M/M/1: E[T] = 1 / (mu - lambda).</summary>
    public static double MM1MeanResponse(double lambda, double mu) => 1 / (mu - lambda);

    /// <summary>M/M/c: E[T] = C(c, a) / (c mu - lambda) + 1 / mu with a = lambda / mu and Erlang C probability of waiting.</summary>
    public static double MMcMeanResponse(double lambda, double mu, int c) => ErlangC(c, lambda / mu) / (c * mu - lambda) + 1 / mu;

    /// <summary>Erlang C: probability that an arrival waits, C(c, a) = (a^c / c!) (c / (c - a)) / (sum_{k&lt;c} a^k / k! + (a^c / c!) (c / (c - a))).</summary>
    public static double ErlangC(int c, double a)
    {
        double term = 1, sum = 0;
        for (var k = 0; k < c; k++)
        {
            sum += term;
            term *= a / (k + 1);
        }
        var top = term * c / (c - a);
        return top / (sum + top);
    }
}
