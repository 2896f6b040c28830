using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Fleet.Hosting;

namespace Pipeline.Fleet.Replica;

/// <summary>
/// One replica: a Kestrel service on a loopback port with <see cref="ReplicaOptions.Workers"/> workers behind a bounded
/// FIFO queue. Stopping it (SIGTERM, Ctrl+C or <see cref="StopAsync"/>) turns readiness false at once and lets in-flight
/// and queued requests finish within <see cref="ReplicaOptions.DrainTimeout"/>.
/// </summary>
public sealed class ReplicaHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ReplicaRuntime _runtime;

    private ReplicaHost(WebApplication app, ReplicaRuntime runtime)
    {
        _app = app;
        _runtime = runtime;
    }

    /// <summary>The bound address, e.g. <c>http://127.0.0.1:41234</c> (after <see cref="StartAsync"/>).</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>
    /// Builds a replica. <paramref name="die"/> runs on the <c>die</c> fault (default: the process kills itself with
    /// SIGKILL, exit code 137); <paramref name="time"/> drives readiness and busy time.
    /// </summary>
    public static ReplicaHost Create(ReplicaOptions options, Action? die = null, TimeProvider? time = null)
    {
        var builder = LoopbackWebApp.CreateBuilder(options.Port, options.DrainTimeout);
        var runtime = new ReplicaRuntime(options, time ?? TimeProvider.System, die ?? KillSelf);
        var app = builder.Build();
        app.Lifetime.ApplicationStopping.Register(runtime.Readiness.StartDraining);
        ReplicaEndpoints.Map(app, runtime);
        return new ReplicaHost(app, runtime);
    }

    /// <summary>Starts listening and returns the bound address.</summary>
    public async Task<Uri> StartAsync(CancellationToken cancellationToken = default)
    {
        Address = await LoopbackWebApp.StartAsync(_app, cancellationToken);
        return Address;
    }

    /// <summary>Completes when the host has stopped (after SIGTERM or <see cref="StopAsync"/>).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) => _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Drains and stops.</summary>
    public Task StopAsync() => _app.StopAsync();

    /// <summary>The replica's current counters (what <c>/stats</c> answers).</summary>
    public ReplicaStats Stats() => _runtime.Stats();

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static void KillSelf() => Process.GetCurrentProcess().Kill();
}
