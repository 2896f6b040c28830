using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Hosting;

namespace Pipeline.Cli.Hosting;

/// <summary>Builds and runs the generic host of a stage command: console logging, the Kafka plumbing, the stage's services.</summary>
internal static class StageHost
{
    /// <summary>Runs a host with <paramref name="configure"/>'s services until Ctrl+C / SIGTERM or a fatal stage error; returns the exit code.</summary>
    public static async Task<int> RunAsync(KafkaOptions kafka, Action<IServiceCollection> configure, CancellationToken cancellationToken,
        LogLevel minimumLevel = LogLevel.Information)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Logging.SetMinimumLevel(minimumLevel);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.Logging.AddFilter("Streamiz", LogLevel.Warning); // the Streamiz features engine logs every state change at Information
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.Critical); // start-up failures are reported once, by StartupErrors
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        builder.Services.AddPipelineKafka(kafka);
        configure(builder.Services);
        var host = builder.Build();
        try
        {
            Environment.ExitCode = 0;
            await host.RunAsync(cancellationToken);
            return Environment.ExitCode;
        }
        finally
        {
            if (host is IAsyncDisposable disposable) await disposable.DisposeAsync();
            else host.Dispose();
        }
    }
}
