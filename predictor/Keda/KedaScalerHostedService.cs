using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pipeline.Predictor.Keda;

/// <summary>Runs the <see cref="KedaScalerServer"/> for the life of the predictor process; a port that cannot be bound stops start-up with the reason.</summary>
public sealed partial class KedaScalerHostedService(KedaScalerOptions options, LatestScaleDecisions decisions, ILogger<KedaScalerHostedService> logger) : IHostedService
{
    private KedaScalerServer? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _server = await KedaScalerServer.StartAsync(options, decisions, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"KEDA external scaler cannot listen on {options.BindAddress}:{options.Port}: {e.Message}", e);
        }
        Log.Listening(logger, _server.Url, options.MetricName);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null) await _server.DisposeAsync().ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "KEDA external scaler (gRPC) on {Url}, metric {Metric}")]
        public static partial void Listening(ILogger logger, Uri url, string metric);
    }
}
