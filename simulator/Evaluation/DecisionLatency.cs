namespace Pipeline.Simulator.Evaluation;

/// <summary>
/// Scaling decision latency: for each onset of under-provisioning (ready supply drops below demand after meeting
/// it), the time from the onset to the scale-up decision that covers it -- the moment the desired replica count
/// reached the demand at the onset. When the desired count already covered it at the onset (the replicas were
/// still starting), the covering decision is when the desired count last rose to that level, and the latency is
/// negative (looked for up to <see cref="LookbackSeconds"/> back). Onsets never covered before the end are left out. Returns the median in seconds, or null without onsets.
/// </summary>
public static class DecisionLatency
{
    /// <summary>How far before an onset a covering decision is looked for (10 minutes).</summary>
    public const double LookbackSeconds = 600;

    /// <summary>Computes the median latency from series sampled every <paramref name="stepSeconds"/>; scoring starts at index <paramref name="from"/>.</summary>
    public static double? Median(ReadOnlySpan<int> demand, ReadOnlySpan<int> ready, ReadOnlySpan<int> desired, double stepSeconds, int from = 0)
    {
        var latencies = new List<double>();
        for (var i = Math.Max(1, from); i < demand.Length; i++)
        {
            var onset = demand[i] > ready[i] && demand[i - 1] <= ready[i - 1];
            if (!onset) continue;
            var need = demand[i];
            if (desired[i] >= need)
            {
                // Covered before the onset: find when. Asked for more than LookbackSeconds earlier means the shortfall
                // is not about the scaling decision (e.g. a replica crashed), so the onset is left out.
                var limit = Math.Max(0, i - (int)(LookbackSeconds / stepSeconds));
                var j = i;
                while (j > limit && desired[j - 1] >= need) j--;
                if (j > limit || limit == 0) latencies.Add((j - i) * stepSeconds);
            }
            else
            {
                var j = i + 1;
                while (j < desired.Length && desired[j] < need) j++;
                if (j < desired.Length) latencies.Add((j - i) * stepSeconds);
            }
        }
        if (latencies.Count == 0) return null;
        latencies.Sort();
        var m = latencies.Count / 2;
        return latencies.Count % 2 == 1 ? latencies[m] : (latencies[m - 1] + latencies[m]) / 2;
    }
}
