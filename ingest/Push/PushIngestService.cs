using System.Net;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Runtime.Http;

namespace Pipeline.Ingest.Push;

/// <summary>
/// The HTTP push source: <c>POST /samples</c> with one metric sample or a JSON array of them. The answer is 200
/// <c>{"accepted":N}</c> only after the broker acknowledged all N samples; 400 (malformed or invalid, nothing produced),
/// 413 (too large), 503 (not delivered in time or too many requests at once: retry; a retry after a lost answer can
/// put a sample on the topic twice, which the features stage counts once and dead-letters as a duplicate). So a sample
/// acknowledged to a client is on the metrics topic even if this process is killed the next moment, and one not
/// acknowledged is the client's to send again. The listener counts as the stage's poll for <c>/healthz</c>.
/// </summary>
public sealed partial class PushIngestService(
    IProducer<string?, byte[]> producer, PushOptions options, TimeProvider time, ILogger<PushIngestService> logger, StageCounter? counter = null)
    : BackgroundService
{
    private readonly PushDelivery _delivery = new(producer, counter);
    private readonly SemaphoreSlim _slots = new(options.MaxConcurrentRequests);
    private readonly HttpListener _listener = new();

    /// <summary>Binds the listener before returning (a port that cannot be bound fails the start: it is the source's only way in).</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _listener.Prefixes.Add(options.Prefix);
        _listener.Start();
        Log.Listening(logger, options.Prefix);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listener = _listener;
        await using var registration = stoppingToken.Register(listener.Stop);
        using var alive = new Timer(_ => counter?.MarkPolled(time.GetUtcNow()), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        var handling = new List<Task>();
        while (!stoppingToken.IsCancellationRequested && await ListenerRequests.NextAsync(listener).ConfigureAwait(false) is { } context)
        {
            handling.RemoveAll(t => t.IsCompleted);
            handling.Add(HandleAsync(context, stoppingToken));
        }
        await Task.WhenAll(handling).ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpListenerContext context, CancellationToken stoppingToken)
    {
        if (!_slots.Wait(0))
        {
            if (await PushAnswer.TrySendAsync(context, 503, "busy: too many requests at once; retry").ConfigureAwait(false) is { } failed)
                Log.AnswerFailed(logger, failed);
            return;
        }
        try
        {
            var (status, body) = await ProcessAsync(context.Request, stoppingToken).ConfigureAwait(false);
            await PushAnswer.SendAsync(context, status, body).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            // Stopping, or the client went away: no answer, so the client sends the batch again.
            Log.AnswerFailed(logger, e.Message);
            context.Response.Abort();
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<(int Status, string Body)> ProcessAsync(HttpListenerRequest request, CancellationToken cancellationToken)
    {
        if (request.Url?.AbsolutePath != "/samples") return (404, "not found: POST samples to /samples");
        if (request.HttpMethod != "POST") return (405, "method not allowed: POST samples to /samples");
        var body = await PushBody.ReadAsync(request.InputStream, options.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null) return (413, $"too large: the body exceeds {options.MaxBodyBytes} bytes");
        var samples = PushBatch.Read(body, options.MaxSamples, out var problem);
        if (samples is null) return (problem.StartsWith("too many", StringComparison.Ordinal) ? 413 : 400, problem);
        if (await _delivery.DeliverAsync(samples, options.DeliveryTimeout, cancellationToken).ConfigureAwait(false) is { } failure)
        {
            Log.NotDelivered(logger, samples.Count, failure);
            return (503, failure + "; retry");
        }
        return (200, $"{{\"accepted\":{samples.Count}}}");
    }

    public override void Dispose()
    {
        _slots.Dispose();
        ((IDisposable)_listener).Dispose();
        base.Dispose();
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Accepting pushed metric samples on {Prefix}samples")]
        public static partial void Listening(ILogger logger, string prefix);

        [LoggerMessage(2, LogLevel.Warning, "{Count} pushed samples not acknowledged (answered 503): {Reason}")]
        public static partial void NotDelivered(ILogger logger, int count, string reason);

        [LoggerMessage(3, LogLevel.Warning, "Push request not answered: {Reason}")]
        public static partial void AnswerFailed(ILogger logger, string reason);
    }
}
