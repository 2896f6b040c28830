using Pipeline.Contracts.Messages;
using Pipeline.Ingest.Sources;
using Pipeline.Simulator.Cluster;

namespace Pipeline.Ingest.Simulation;

/// <summary>
/// The simulated cluster's per-replica samples: advances the cluster to the publisher's (virtual) time and drains
/// what it measured. Locks the cluster instance, which the actuator's simulator target shares.
/// </summary>
internal sealed class SimulatorMetricSource(SimulatedCluster cluster) : IMetricSource
{
    public string Name => MetricSourceNames.Simulator;

    public IReadOnlyList<MetricSample> Collect(DateTimeOffset now)
    {
        lock (cluster)
        {
            cluster.AdvanceTo(now);
            return cluster.DrainSamples();
        }
    }
}
