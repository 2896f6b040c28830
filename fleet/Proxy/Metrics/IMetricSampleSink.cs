using Pipeline.Contracts.Messages;

namespace Pipeline.Fleet.Proxy.Metrics;

/// <summary>Where the proxy's per-interval samples go (the Kafka publisher when Kafka is configured).</summary>
internal interface IMetricSampleSink
{
    void Publish(IReadOnlyList<MetricSample> samples);
}
