namespace Pipeline.Predictor.Queueing;

/// <summary>
/// Erlang C: the probability that an arrival to an M/M/c queue with offered load a = λ/μ waits. Computed from the
/// Erlang B recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)), then C = c B / (c - a (1 - B)), stable for any c.
/// </summary>
public static class ErlangC
{
    /// <summary>P(wait) for <paramref name="servers"/> servers at offered load <paramref name="offeredLoad"/> (1 when a ≥ c).</summary>
    public static double ProbabilityOfWaiting(int servers, double offeredLoad)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(servers, 1);
        if (offeredLoad <= 0) return 0;
        if (offeredLoad >= servers) return 1;
        var b = 1.0;
        for (var k = 1; k <= servers; k++) b = offeredLoad * b / (k + offeredLoad * b);
        return servers * b / (servers - offeredLoad * (1 - b));
    }
}
