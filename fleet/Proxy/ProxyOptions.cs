using Pipeline.Simulator.Balancing;

namespace Pipeline.Fleet.Proxy;

/// <summary>Settings of the YARP data plane in front of one service's replicas (<c>pipeline proxy</c>).</summary>
public sealed class ProxyOptions
{
    /// <summary>Loopback port to listen on; 0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>Service id the replicas belong to (metric samples and route decisions are keyed by it). Default <c>web</c>.</summary>
    public string Service { get; init; } = "web";

    /// <summary>Balancer name, one of <see cref="ProxyBalancerNames.All"/>. Default round robin.</summary>
    public string Balancer { get; init; } = ProxyBalancerNames.RoundRobin;

    /// <summary>Kafka bootstrap servers; null or empty runs without Kafka (no samples published, no decisions read).</summary>
    public string? BootstrapServers { get; init; }

    /// <summary>librdkafka properties (security.protocol, sasl.*, ssl.*) for the proxy's producer and consumer (<c>--kafka-config</c>).</summary>
    public IReadOnlyDictionary<string, string> KafkaClientProperties { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Metric collection interval (and replica readiness polling). Default 1 s.</summary>
    public TimeSpan MetricsInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Timeout of one <c>/stats</c> poll of a replica. Default 1 s.</summary>
    public TimeSpan StatsTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait for proxied requests in flight on shutdown. Default 30 s.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Settings of the <c>learned</c> balancer (the simulator's, so the evaluated settings carry over).</summary>
    public LearnedBalancerOptions Learned { get; init; } = new();
}
