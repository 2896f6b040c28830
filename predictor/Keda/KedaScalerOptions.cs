namespace Pipeline.Predictor.Keda;

/// <summary>Options of the KEDA external scaler the predictor can serve.</summary>
public sealed class KedaScalerOptions
{
    /// <summary>gRPC port (HTTP/2, TLS when <see cref="CertificateFile"/> is set); 0 = not served.</summary>
    public int Port { get; set; }

    /// <summary>Address to listen on: 127.0.0.1, or 0.0.0.0 inside a pod.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>PEM certificate (with its chain) to serve TLS with; empty = plaintext HTTP/2.</summary>
    public string CertificateFile { get; set; } = "";

    /// <summary>PEM private key of <see cref="CertificateFile"/>; empty = the key is in the certificate file.</summary>
    public string KeyFile { get; set; } = "";

    /// <summary>PEM CA certificate(s): require a client certificate issued by one of them (KEDA's <c>tlsClientCert</c>); empty = none asked.</summary>
    public string ClientCaFile { get; set; } = "";

    /// <summary>Name of the metric KEDA's HPA scales on; its value is the decided replica count, its target 1 per replica.</summary>
    public string MetricName { get; set; } = "pipeline-desired-replicas";

    /// <summary>Scaler metadata key naming the service id; without it, the ScaledObject's name is the service id.</summary>
    public string ServiceKey { get; set; } = "service";
}
