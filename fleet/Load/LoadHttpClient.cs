namespace Pipeline.Fleet.Load;

/// <summary>The one <see cref="HttpClient"/> of a load run: pooled connections, enough of them for every outstanding request.</summary>
internal static class LoadHttpClient
{
    public static HttpClient Create(LoadOptions options) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = Math.Max(options.MaxInFlight, 1),
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        ConnectTimeout = options.Timeout,
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
    })
    {
        // Each request carries its own timeout (a cancellation token), so the client's own is off.
        Timeout = Timeout.InfiniteTimeSpan,
    };
}
