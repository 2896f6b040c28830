namespace Pipeline.Ingest.Push;

/// <summary>Options of the HTTP push source (<c>pipeline ingest --source http</c>).</summary>
public sealed class PushOptions
{
    /// <summary>Address the source listens on, as an <see cref="System.Net.HttpListener"/> prefix.</summary>
    public string Prefix { get; set; } = "http://127.0.0.1:9470/";

    /// <summary>Largest request body accepted; a larger one is answered 413 and nothing of it is produced.</summary>
    public int MaxBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Most samples in one request; more is answered 413.</summary>
    public int MaxSamples { get; set; } = 10_000;

    /// <summary>Longest wait for the broker to acknowledge a request's samples before answering 503 (the client retries).</summary>
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most requests handled at once; a further one is answered 503 at once.</summary>
    public int MaxConcurrentRequests { get; set; } = 64;
}
