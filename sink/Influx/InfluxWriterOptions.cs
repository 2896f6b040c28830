namespace Pipeline.Sink.Influx;

/// <summary>Where and how <see cref="InfluxWriter"/> writes: the v1 <c>/write</c> endpoint, batching, buffering and retry.</summary>
public sealed class InfluxWriterOptions
{
    /// <summary>Base URL of InfluxDB's HTTP API, e.g. <c>http://localhost:8086</c> (env <c>INFLUX_URL</c> in the stages).</summary>
    public Uri Url { get; set; } = new("http://localhost:8086");

    /// <summary>Database written to; created at start by <see cref="InfluxWriter.EnsureDatabaseAsync"/>.</summary>
    public string Database { get; set; } = "pipeline";

    /// <summary>Optional retention policy (<c>rp</c> query parameter); the database default when null.</summary>
    public string? RetentionPolicy { get; set; }

    /// <summary>
    /// Optional credentials for an InfluxDB with authentication on, sent as HTTP Basic (see <see cref="InfluxAuth"/>);
    /// when null, the user info of <see cref="Url"/> (<c>http://user:password@host:8086</c>) is used. Never in the URL.
    /// </summary>
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>Optional token, sent as <c>Authorization: {TokenScheme} {Token}</c>; wins over user and password.</summary>
    public string? Token { get; set; }

    /// <summary><c>Token</c> (InfluxDB 2.x/3.x, 1.8+) or <c>Bearer</c> (a JWT for 1.x with a shared secret).</summary>
    public string TokenScheme { get; set; } = "Token";

    /// <summary>
    /// InfluxDB 2.x/3.x organization: when set, points go to the native <c>/api/v2/write?org=..&amp;bucket=..</c> with
    /// <see cref="Database"/> as the bucket (which must exist: nothing is created), instead of the v1 <c>/write</c>.
    /// </summary>
    public string? Organization { get; set; }

    /// <summary>Most points in one request.</summary>
    public int BatchSize { get; set; } = 5_000;

    /// <summary>Longest time the first point of a batch waits for the batch to fill before it is sent.</summary>
    public TimeSpan Linger { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Points buffered before <see cref="InfluxWriter.WriteAsync(LineProtocol.Point, CancellationToken)"/> waits for room (never drops).</summary>
    public int BufferCapacity { get; set; } = 50_000;

    /// <summary>Wait before the first retry; doubled on each further retry up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait of the sink's flush before a commit; past it the commit is skipped and tried again later.</summary>
    public TimeSpan CommitFlushTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Timeout of one HTTP request.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long disposal waits for buffered points to be written before giving up on them (counted as failed).</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Called (on the writer's loop) for every batch or part of one that InfluxDB rejected or that ran out of attempts.</summary>
    public Action<InfluxWriteFailure>? OnFailure { get; set; }

    /// <summary>The <c>/write</c> URL with database, precision and optional rp (credentials go in a header).</summary>
    internal Uri WriteUri() => Organization is { Length: > 0 } org
        ? EndpointUri("api/v2/write", $"org={Uri.EscapeDataString(org)}&bucket={Uri.EscapeDataString(Database)}&precision=ns")
        : EndpointUri("write", $"db={Uri.EscapeDataString(Database)}&precision=ns" +
            (RetentionPolicy is null ? "" : $"&rp={Uri.EscapeDataString(RetentionPolicy)}"));

    /// <summary>Scheme, host and port of <see cref="Url"/>, without credentials: safe to log.</summary>
    public string Endpoint => $"{Url.Scheme}://{Url.Host}:{Url.Port}";

    /// <summary>The <c>/query</c> URL (credentials go in a header).</summary>
    internal Uri QueryUri() => EndpointUri("query", "");

    private Uri EndpointUri(string path, string query)
    {
        var builder = new UriBuilder(Url) { UserName = "", Password = "", Path = $"{Url.AbsolutePath.TrimEnd('/')}/{path}", Query = query };
        return builder.Uri;
    }
}
