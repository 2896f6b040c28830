namespace Pipeline.Ingest.Publishing;

/// <summary>Options of the <see cref="MetricPublisherService"/>.</summary>
public sealed class PublisherOptions
{
    /// <summary>Metric source name (<see cref="Sources.MetricSourceNames"/>).</summary>
    public string Source { get; set; } = Sources.MetricSourceNames.Simulator;

    /// <summary>Wall-clock time between collections. In an accelerated demo this is the virtual interval divided by the speed-up.</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);
}
