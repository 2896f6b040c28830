using Pipeline.Contracts.Messages;

namespace Pipeline.Simulator.Cluster;

/// <summary>The metric samples the cluster emits, and the buffers a consumer done with them hands back.</summary>
public sealed partial class SimulatedCluster
{
    private List<MetricSample> _samples = [];
    private List<MetricSample>? _spareSamples;
    private readonly Stack<long[]> _spareCounts = new();

    /// <summary>The metric samples produced since the last call (oldest first), one per replica per sample interval.</summary>
    public IReadOnlyList<MetricSample> DrainSamples()
    {
        var drained = _samples;
        _samples = _spareSamples ?? [];
        _spareSamples = null;
        return drained;
    }

    /// <summary>
    /// Takes back the list <see cref="DrainSamples"/> returned and its samples' latency histograms, to fill again: only
    /// for a caller that holds on to none of them (the in-process control loop, which merges each sample into its
    /// windows at once). Spares the allocation of a fresh histogram per replica per sample interval, the simulator's
    /// largest allocation.
    /// </summary>
    public void Recycle(IReadOnlyList<MetricSample> drained)
    {
        if (drained is not List<MetricSample> list || ReferenceEquals(list, _samples)) return;
        foreach (var sample in list)
        {
            var counts = sample.LatencyCounts;
            if (counts.Length != LatencyBuckets.Count) continue;
            Array.Clear(counts);
            _spareCounts.Push(counts);
        }
        list.Clear();
        _spareSamples = list;
    }

    private long[] NewLatencyCounts() => _spareCounts.Count > 0 ? _spareCounts.Pop() : new long[LatencyBuckets.Count];
}
