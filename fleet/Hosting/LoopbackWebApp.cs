using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pipeline.Fleet.Hosting;

/// <summary>
/// The web host shape of every fleet process: Kestrel on 127.0.0.1 only, logs on stderr (stdout is reserved for the
/// <c>listening</c> line), warnings and above, and a graceful shutdown bounded by the drain timeout.
/// </summary>
internal static class LoopbackWebApp
{
    public static WebApplicationBuilder CreateBuilder(int port, TimeSpan shutdownTimeout)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // YARP's session affinity brings data protection, which warns that its keys live in memory only: expected here.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = shutdownTimeout);
        return builder;
    }

    /// <summary>Starts the app and returns the bound address; a port in use becomes an <see cref="InvalidOperationException"/> saying so.</summary>
    public static async Task<Uri> StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"cannot listen on 127.0.0.1: {e.Message}", e);
        }
        return BoundAddress(app);
    }

    /// <summary>The address Kestrel bound (port 0 resolved), e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public static Uri BoundAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("Kestrel reported no address");
        return new Uri(first.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
    }
}
