using Pipeline.Contracts.Messages;

namespace Pipeline.Ingest.Sources;

/// <summary>
/// A metric source: yields the <see cref="MetricSample"/>s of the interval ending at a given time. The publisher calls
/// it once per collection interval and produces every sample on the metrics topic keyed by service.
/// </summary>
public interface IMetricSource
{
    /// <summary>Name used to select the source (<see cref="MetricSourceNames"/>).</summary>
    string Name { get; }

    /// <summary>Collects the samples measured up to <paramref name="now"/> since the previous call.</summary>
    IReadOnlyList<MetricSample> Collect(DateTimeOffset now);
}
