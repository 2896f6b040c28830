using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pipeline.Integration.Tests.Support;

/// <summary>A generic host for stages under test, logging warnings and worse only.</summary>
internal static class StageHostBuilder
{
    public static IHost Build(Action<IServiceCollection> configure)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        configure(builder.Services);
        return builder.Build();
    }

    public static async Task StopAndDisposeAsync(IHost host)
    {
        await host.StopAsync(TimeSpan.FromSeconds(20));
        if (host is IAsyncDisposable d) await d.DisposeAsync();
        else host.Dispose();
    }
}
