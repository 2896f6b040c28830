namespace Pipeline.Predictor.Keda;

/// <summary>Options of the KEDA external scaler the predictor can serve.</summary>
public sealed class KedaScalerOptions
{
    /// <summary>gRPC port (HTTP/2 without TLS); 0 = not served.</summary>
    public int Port { get; set; }

    /// <summary>Address to listen on: 127.0.0.1, or 0.0.0.0 inside a pod.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Name of the metric KEDA's HPA scales on; its value is the decided replica count, its target 1 per replica.</summary>
    public string MetricName { get; set; } = "pipeline-desired-replicas";

    /// <summary>Scaler metadata key naming the service id; without it, the ScaledObject's name is the service id.</summary>
    public string ServiceKey { get; set; } = "service";
}
