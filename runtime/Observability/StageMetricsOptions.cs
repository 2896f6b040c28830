namespace Pipeline.Runtime.Observability;

/// <summary>Options of a stage process's health/metrics endpoint and health snapshots.</summary>
public sealed class StageMetricsOptions
{
    /// <summary>TCP port of the <c>/metrics</c> and <c>/healthz</c> endpoint; 0 turns the endpoint off.</summary>
    public int Port { get; init; }

    /// <summary>Address to listen on: <c>127.0.0.1</c> (default, local only), or <c>0.0.0.0</c> / <c>+</c> for every interface (containers).</summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary><c>/healthz</c> answers 503 when a stage's loop has not polled for longer than this.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time between <see cref="Messages.StageHealth"/> snapshots on the health topic; zero turns them off.</summary>
    public TimeSpan SnapshotInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Instance name in snapshots and metric labels: <c>PIPELINE_INSTANCE</c>, else the host name.</summary>
    public string Instance { get; init; } = Environment.GetEnvironmentVariable("PIPELINE_INSTANCE") is { Length: > 0 } i ? i : Environment.MachineName;

    /// <summary>The <c>HttpListener</c> prefix of the endpoint.</summary>
    public string Prefix => $"http://{(BindAddress is "0.0.0.0" or "*" ? "+" : BindAddress)}:{Port}/";

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad value.</summary>
    public void Validate()
    {
        if (Port is < 0 or > 65535) throw new ArgumentException($"metrics port: {Port} is outside 0..65535");
        if (string.IsNullOrWhiteSpace(BindAddress)) throw new ArgumentException("metrics bind address: empty");
        if (StaleAfter <= TimeSpan.Zero) throw new ArgumentException($"metrics stale-after: {StaleAfter} must be positive");
        if (SnapshotInterval < TimeSpan.Zero) throw new ArgumentException($"health snapshot interval: {SnapshotInterval} must not be negative");
    }
}
