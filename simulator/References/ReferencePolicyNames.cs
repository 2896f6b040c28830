namespace Pipeline.Simulator.References;

/// <summary>Names of the reference autoscaling policies that only the simulator can run.</summary>
public static class ReferencePolicyNames
{
    /// <summary>Provisioned for the peak demand of the evaluated span, all the time.</summary>
    public const string StaticPeak = "static-peak";

    /// <summary>The utilization oracle. Knows future demand: provisions what the demand at the target utilization over the next start-up delay (plus one decision period) needs.</summary>
    public const string Oracle = "oracle";

    /// <summary>
    /// Knows future demand: provisions the fewest replicas whose queueing model (M/G/c per replica, Erlang C with the
    /// Allen–Cunneen correction) meets the latency SLO at the SLA percentile over the next start-up delay (plus one
    /// decision period): the cost lower bound for policies that meet the SLA (with a balancer at least as good as random).
    /// </summary>
    public const string SlaOracle = "sla-oracle";
}
