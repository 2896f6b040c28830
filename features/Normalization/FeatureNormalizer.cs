using Pipeline.Contracts.Messages;

namespace Pipeline.Features.Normalization;

/// <summary>
/// Per-service online z-scores of the main window features (<see cref="NormalizedFeatures"/>). Each value is scored
/// against the statistics of the service's earlier windows and then added to them, so a score measures how unusual the
/// window is relative to the past (0 until two earlier windows exist). Non-finite values (latency of a window without
/// completions) get no score and do not enter the statistics.
/// </summary>
public sealed class FeatureNormalizer
{
    private readonly Dictionary<string, RunningStats[]> _stats = new(StringComparer.Ordinal);

    /// <summary>Returns the window with <see cref="FeatureWindow.Normalized"/> filled; call once per window, in window order.</summary>
    public FeatureWindow Apply(FeatureWindow window) =>
        window with { Normalized = Score(window.Service, window.RequestRate, window.Utilization, window.LatencyP95Ms, window.ErrorRate) };

    /// <summary>
    /// The z-scores of one window's main features for <see cref="FeatureWindow.Normalized"/>, adding them to the service's
    /// statistics (what <see cref="Apply"/> does, for a window not built yet); call once per window, in window order.
    /// </summary>
    public ScoreMap Score(string service, double requestRate, double utilization, double latencyP95Ms, double errorRate)
    {
        if (!_stats.TryGetValue(service, out var stats))
        {
            stats = new RunningStats[NormalizedFeatures.All.Count];
            for (var i = 0; i < stats.Length; i++) stats[i] = new RunningStats();
            _stats.Add(service, stats);
        }
        Span<double> values = [requestRate, utilization, latencyP95Ms, errorRate];
        var normalized = new ScoreMap(NormalizedFeatures.All.Count);
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i])) continue;
            normalized.Add(NormalizedFeatures.All[i], stats[i].ZScore(values[i]));
            stats[i].Add(values[i]);
        }
        return normalized;
    }

    /// <summary>Drops the statistics of <paramref name="service"/> (an evicted service starts afresh).</summary>
    public void Forget(string service) => _stats.Remove(service);

    /// <summary>Services with statistics.</summary>
    public int ServiceCount => _stats.Count;

    /// <summary>The running statistics of one feature of one service, or null if the service has no window yet.</summary>
    public RunningStats? Statistics(string service, string feature)
    {
        var index = NormalizedFeatures.All.ToList().IndexOf(feature);
        return index >= 0 && _stats.TryGetValue(service, out var stats) ? stats[index] : null;
    }
}
