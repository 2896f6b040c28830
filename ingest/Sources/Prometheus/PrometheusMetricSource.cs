using Pipeline.Contracts.Messages;

namespace Pipeline.Ingest.Sources.Prometheus;

/// <summary>
/// The <c>prometheus</c> metric source: reads every replica (scrape or query mode), reports missing series and replicas
/// that disappear, and publishes per-interval samples. Problems are logged and counted, never thrown: the publisher runs on.
/// </summary>
internal sealed class PrometheusMetricSource(IReadingReader reader, SampleAssembler assembler, ProblemReporter problems) : IMetricSource
{
    private readonly HashSet<string> _present = new(StringComparer.Ordinal);
    private readonly HashSet<string> _absent = new(StringComparer.Ordinal);

    public string Name => MetricSourceNames.Prometheus;

    public IReadOnlyList<MetricSample> Collect(DateTimeOffset now)
    {
        var result = reader.Read();
        if (!result.AllFailed) TrackPresence(result);
        var samples = new List<MetricSample>();
        foreach (var reading in result.Readings)
        {
            problems.MissingSeries(reading.Replica, reading.Missing);
            if (assembler.Next(reading, now) is { } sample) samples.Add(sample);
        }
        problems.Stats.AddSamples(samples.Count);
        return samples;
    }

    private void TrackPresence(ReadResult result)
    {
        var now = result.Readings.Select(r => r.Replica).ToHashSet(StringComparer.Ordinal);
        foreach (var replica in _present.Where(r => !now.Contains(r) && !result.Failed.Contains(r)).ToList())
        {
            _present.Remove(replica);
            if (_absent.Add(replica)) problems.ReplicaAbsent(replica);
        }
        foreach (var replica in now)
        {
            _present.Add(replica);
            if (_absent.Remove(replica)) problems.ReplicaBack(replica);
        }
    }
}
