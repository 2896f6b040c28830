using Pipeline.Simulator.Cluster;

namespace Pipeline.Simulator.Evaluation;

/// <summary>
/// Response-time percentiles per time bucket (about 500 buckets per span, at least a minute each), from differences
/// of the service's cumulative fine histogram, so it costs nothing per request.
/// </summary>
internal sealed class LatencyTimeline
{
    private readonly double _bucketSeconds;
    private readonly long[] _previous = new long[LatencyHistogram.BucketCount];
    private readonly long[] _current = new long[LatencyHistogram.BucketCount];
    private double _nextEnd;

    public LatencyTimeline(EvaluationWorkload workload, double step)
    {
        _bucketSeconds = Math.Max(60, Math.Ceiling(workload.SpanSeconds / 500 / 60) * 60);
        _bucketSeconds = Math.Max(step, _bucketSeconds);
        _nextEnd = _bucketSeconds;
    }

    public List<double> Ends { get; } = [];
    public List<double> P50 { get; } = [];
    public List<double> P95 { get; } = [];
    public List<double> P99 { get; } = [];

    /// <summary>Call after each step; closes a bucket when its end is reached.</summary>
    public void Observe(ServiceStatistics stats, double t)
    {
        if (t + 1e-9 < _nextEnd) return;
        Close(stats, t);
        while (_nextEnd <= t + 1e-9) _nextEnd += _bucketSeconds;
    }

    /// <summary>Closes the current (possibly partial) bucket at <paramref name="t"/>.</summary>
    public void Close(ServiceStatistics stats, double t)
    {
        stats.Latency.CopyCountsTo(_current);
        for (var i = 0; i < _current.Length; i++)
        {
            var c = _current[i];
            _current[i] = c - _previous[i];
            _previous[i] = c;
        }
        Ends.Add(t / 60);
        P50.Add(LatencyHistogram.Quantile(_current, 0.50) * 1000);
        P95.Add(LatencyHistogram.Quantile(_current, 0.95) * 1000);
        P99.Add(LatencyHistogram.Quantile(_current, 0.99) * 1000);
    }

    /// <summary>After the statistics were reset: counts start from zero again.</summary>
    public void Restart() => Array.Clear(_previous);
}
