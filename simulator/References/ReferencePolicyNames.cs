namespace Pipeline.Simulator.References;

/// <summary>Names of the reference autoscaling policies that only the simulator can run.</summary>
public static class ReferencePolicyNames
{
    /// <summary>Provisioned for the peak demand of the evaluated span, all the time.</summary>
    public const string StaticPeak = "static-peak";

    /// <summary>The utilization oracle. Knows future demand: provisions what the demand at the target utilization over the next start-up delay (plus one decision period) needs.</summary>
    public const string Oracle = "oracle";

    /// <summary>
    /// The SLA oracle. Knows future demand (looking ahead by the start-up delay plus one decision period) and provisions
    /// the fewest replicas that meet the latency SLO at the SLA percentile if all their workers shared one queue
    /// (M/G/(N·c): Erlang C with the Allen–Cunneen correction): no balancer over per-replica queues does better, so it is
    /// the cost lower bound for every policy that meets the SLA (not always reachable with per-replica queues).
    /// </summary>
    public const string SlaOracle = "sla-oracle";

    /// <summary>
    /// Like <see cref="SlaOracle"/> but each replica sized as its own M/G/c queue fed λ/N (exact for random routing,
    /// conservative for least-request): an SLA-meeting provisioning, not a lower bound.
    /// </summary>
    public const string SlaPerReplica = "sla-per-replica";

    /// <summary>
    /// The reaction limit: no foresight, a perfect and instantaneous measurement one window old (the demand the last closed
    /// window shows), sized at the <see cref="SlaOracle"/>'s pooled queueing limit and held for the start-up delay plus a
    /// window (as long as re-acquiring the capacity would take). Its violations are what the start-up delay alone costs a
    /// policy that cannot see a surge coming: a reference for what reaction can reach, not a bound.
    /// </summary>
    public const string SlaReactive = "sla-reactive";
}
