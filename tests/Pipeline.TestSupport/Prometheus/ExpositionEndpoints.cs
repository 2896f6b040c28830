using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pipeline.TestSupport.Influx;

namespace Pipeline.TestSupport.Prometheus;

/// <summary>A real Kestrel server with one loopback port per replica, each serving that replica's <see cref="ReplicaCounters"/> on <c>/metrics</c>.</summary>
public sealed class ExpositionEndpoints : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ExpositionEndpoints(WebApplication app, int[] ports) =>
        (_app, Ports, Replicas) = (app, ports, [.. ports.Select(_ => new ReplicaCounters())]);

    public int[] Ports { get; }

    public ReplicaCounters[] Replicas { get; }

    /// <summary><c>127.0.0.1:port</c> of each replica (Prometheus' <c>instance</c> label and the scrape source's replica id).</summary>
    public string[] Instances => [.. Ports.Select(p => $"127.0.0.1:{p}")];

    public Uri MetricsUrl(int replica) => new($"http://{Instances[replica]}/metrics");

    public static async Task<ExpositionEndpoints> StartAsync(int replicas)
    {
        var ports = Enumerable.Range(0, replicas).Select(_ => FreePort.Next()).ToArray();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls([.. ports.Select(p => $"http://127.0.0.1:{p}")]);
        var app = builder.Build();
        var endpoints = new ExpositionEndpoints(app, ports);
        app.MapGet("/metrics", (HttpContext context) =>
            Results.Text(endpoints.Replicas[Array.IndexOf(ports, context.Connection.LocalPort)].Render(), "text/plain; version=0.0.4"));
        await app.StartAsync();
        return endpoints;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
