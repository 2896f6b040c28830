using System.Net;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Runtime.Http;

namespace Pipeline.Runtime.Observability;

/// <summary>
/// Serves <c>/metrics</c> (Prometheus text) and <c>/healthz</c> (200 when every stage polled within
/// <see cref="StageMetricsOptions.StaleAfter"/> and none failed fatally, else 503 with the reasons) on an
/// <see cref="HttpListener"/>. A port that cannot be bound is logged; the stage runs on without the endpoint.
/// </summary>
public sealed partial class MetricsEndpoint(
    PrometheusStageMetrics metrics, StageCounters counters, StageMetricsOptions options, TimeProvider time, ILogger<MetricsEndpoint> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var listener = new HttpListener();
        listener.Prefixes.Add(options.Prefix);
        try
        {
            listener.Start();
        }
        catch (Exception e) when (e is HttpListenerException or System.Net.Sockets.SocketException)
        {
            Log.BindFailed(logger, options.Prefix, e.Message);
            return;
        }
        Log.Listening(logger, options.Prefix);
        await using var registration = stoppingToken.Register(listener.Stop);
        while (!stoppingToken.IsCancellationRequested && await ListenerRequests.NextAsync(listener).ConfigureAwait(false) is { } context)
        {
            try
            {
                await AnswerAsync(context, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or IOException or OperationCanceledException)
            {
                Log.AnswerFailed(logger, e.Message);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context, CancellationToken cancellationToken)
    {
        var response = context.Response;
        switch (context.Request.Url?.AbsolutePath)
        {
            case "/metrics":
                response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
                await metrics.ExportAsync(response.OutputStream, cancellationToken).ConfigureAwait(false);
                break;
            case "/healthz":
                var statuses = StageHealthCheck.Evaluate(counters, time.GetUtcNow(), options.StaleAfter);
                var failing = statuses.Where(s => !s.Healthy).Select(s => s.Reason).ToList();
                response.StatusCode = failing.Count == 0 ? 200 : 503;
                var body = failing.Count > 0 ? string.Join('\n', failing)
                    : statuses.Count == 0 ? "ok (no consume loop in this process)"
                    : "ok " + string.Join(", ", statuses.Select(s => s.Stage));
                await WriteTextAsync(response, body + "\n", cancellationToken).ConfigureAwait(false);
                break;
            default:
                response.StatusCode = 404;
                await WriteTextAsync(response, "not found: try /metrics or /healthz\n", cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private static async Task WriteTextAsync(HttpListenerResponse response, string text, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        response.ContentType ??= "text/plain; charset=utf-8";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Metrics and health endpoint on {Prefix} (/metrics, /healthz)")]
        public static partial void Listening(ILogger logger, string prefix);

        [LoggerMessage(2, LogLevel.Warning, "Metrics endpoint could not listen on {Prefix}: {Reason}; the stage runs without it")]
        public static partial void BindFailed(ILogger logger, string prefix, string reason);

        [LoggerMessage(3, LogLevel.Debug, "Metrics endpoint request failed: {Reason}")]
        public static partial void AnswerFailed(ILogger logger, string reason);
    }
}
