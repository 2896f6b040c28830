namespace Pipeline.Predictor.Queueing;

/// <summary>
/// P(response time &gt; t) of one replica as an M/G/c queue (Poisson arrivals, <c>c</c> workers, FIFO).
/// The wait is 0 with probability 1 - C and otherwise exponential with mean θ = (ca² + cs²)/2 · 1/(cμ - λ): Erlang C's
/// conditional wait scaled by the Allen–Cunneen / Kingman variability factor (ca² = 1 for Poisson arrivals). For
/// exponential service (cs² = 1) this is the exact M/M/c response-time distribution. The response time is the wait
/// plus an independent service time, so P(R &gt; t) = P(S &gt; t) + C · E[exp(-(t - S)/θ); S ≤ t], integrated over the
/// service-time CDF.
/// </summary>
public static class ResponseTimeTail
{
    private const int Bins = 512;

    /// <summary>P(R &gt; <paramref name="seconds"/>) at arrival rate <paramref name="lambda"/> (req/s) on <paramref name="servers"/> workers.</summary>
    public static double Probability(double lambda, int servers, ServiceTimeModel service, double seconds)
    {
        var mu = 1 / service.MeanSeconds;
        if (lambda >= servers * mu) return 1;
        var serviceTail = 1 - service.Cdf(seconds);
        var wait = ErlangC.ProbabilityOfWaiting(servers, lambda / mu);
        if (wait <= 0) return serviceTail;
        var theta = (1 + service.Cv * service.Cv) / 2 / (servers * mu - lambda);
        var h = seconds / Bins;
        double integral = 0, previous = 0;
        for (var i = 1; i <= Bins; i++)
        {
            var cdf = service.Cdf(i * h);
            integral += (cdf - previous) * Math.Exp(-(seconds - (i - 0.5) * h) / theta);
            previous = cdf;
        }
        return Math.Min(1, serviceTail + wait * integral);
    }
}
