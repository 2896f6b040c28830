using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Fleet.Load;

namespace Pipeline.Cli.Fleet;

/// <summary>Runs the load generator once in the background of a host (the <c>pipeline fleet</c> command's load), logging its summary.</summary>
internal sealed class SteadyLoad(LoadOptions options, ILogger<SteadyLoad> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var result = await new LoadGenerator(options with { Progress = line => logger.LogInformation("loadgen: {Line}", line) }).RunAsync(stoppingToken);
            logger.LogInformation("loadgen finished: {Sent} sent, {Ok} ok, {Errors} errors, p99 {P99:0.0} ms", result.Sent, result.Ok, result.Errors, result.FromScheduled.P99);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
        {
            logger.LogError("loadgen stopped: {Reason}", e.Message);
        }
    }
}
