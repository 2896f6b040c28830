using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Pipeline.Sink.LineProtocol;

namespace Pipeline.Sink.Influx;

/// <summary>
/// Formats a batch of points into one request body, and sends it to <c>/write</c>, retrying with exponential backoff
/// on 5xx and network errors. Formatting and sending are separate so the writer can format the next batch while
/// the previous request is in flight.
/// </summary>
internal sealed partial class BatchSender(HttpClient http, InfluxWriterOptions options, WriterCounters counters, TimeProvider time, ILogger logger)
{
    private readonly StringBuilder _body = new();

    /// <summary>One formatted request body.</summary>
    public sealed record Payload(byte[] Bytes, int Lines, string FirstLine);

    /// <summary>The body of <paramref name="batch"/>, or null when no point has a writable field (those count as skipped).</summary>
    public Payload? Format(IReadOnlyList<Point> batch)
    {
        _body.Clear();
        var lines = 0;
        foreach (var point in batch)
            if (LineProtocolFormatter.Append(_body, point)) lines++;
        counters.Skipped(batch.Count - lines);
        if (lines == 0) return null;
        // Encode the builder's chunks straight into the body (no intermediate string); the stateful encoder keeps
        // surrogate pairs that straddle two chunks intact.
        var encoder = Encoding.UTF8.GetEncoder();
        var count = 0;
        foreach (var chunk in _body.GetChunks()) count += encoder.GetByteCount(chunk.Span, flush: false);
        count += encoder.GetByteCount([], flush: true);
        encoder.Reset();
        var bytes = new byte[count];
        var at = 0;
        foreach (var chunk in _body.GetChunks()) at += encoder.GetBytes(chunk.Span, bytes.AsSpan(at), flush: false);
        at += encoder.GetBytes([], bytes.AsSpan(at), flush: true);
        var firstEnd = Array.IndexOf(bytes, (byte)'\n');
        return new Payload(bytes, lines, Encoding.UTF8.GetString(bytes, 0, firstEnd < 0 ? at : firstEnd));
    }

    /// <summary>
    /// Writes <paramref name="body"/>; every line ends up counted as written or failed. 5xx, 408, 429 and network
    /// errors are retried until the batch is written or the writer stops (an outage is recorded meanwhile, so the
    /// sink pauses consumption and commits nothing); other answers fail the batch at once.
    /// </summary>
    public async Task SendAsync(Payload body, CancellationToken stop)
    {
        counters.Batch();
        var payload = body.Bytes;
        var lines = body.Lines;
        for (var attempt = 1; ; attempt++)
        {
            var (status, error) = await PostAsync(payload, stop);
            if (status is >= HttpStatusCode.OK and < HttpStatusCode.Ambiguous)
            {
                counters.Written(lines);
                if (counters.Outage is { } outage) Log.Recovered(logger, outage.Since, attempt);
                counters.Recovered();
                return;
            }
            var retryable = status is null || WriteResponse.IsRetryable(status.Value);
            if (!retryable || stop.IsCancellationRequested)
            {
                var dropped = status == HttpStatusCode.BadRequest ? WriteResponse.DroppedPoints(error, lines) : lines;
                counters.Written(lines - dropped);
                if (status is not null) counters.Recovered(); // InfluxDB answered: reachable again, whatever it thought of the data
                Fail(new InfluxWriteFailure(dropped, (int?)status, error, attempt, body.FirstLine));
                return;
            }
            counters.Retried(lines);
            counters.Failing(time.GetUtcNow(), (int?)status, error, attempt);
            var delay = Backoff.Delay(attempt, options.InitialBackoff, options.MaxBackoff);
            Log.Retrying(logger, lines, (int?)status, error, delay.TotalMilliseconds, attempt);
            try { await Task.Delay(delay, time, stop); }
            catch (OperationCanceledException) { }
        }
    }

    private async Task<(HttpStatusCode? Status, string Error)> PostAsync(byte[] payload, CancellationToken stop)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
        timeout.CancelAfter(options.RequestTimeout);
        try
        {
            using var content = new ByteArrayContent(payload);
            content.Headers.ContentType = new("text/plain") { CharSet = "utf-8" };
            using var request = InfluxAuth.Post(options.WriteUri(), content, options);
            using var response = await http.SendAsync(request, timeout.Token);
            var body = response.IsSuccessStatusCode ? "" : await response.Content.ReadAsStringAsync(timeout.Token);
            return (response.StatusCode, body.Trim());
        }
        catch (HttpRequestException e) { return (null, e.Message); }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return (null, $"no answer within {options.RequestTimeout.TotalSeconds} s");
        }
        catch (OperationCanceledException) { return (null, "writer stopped before the batch was written"); }
        catch (Exception e) when (e is InvalidOperationException or IOException or UriFormatException)
        {
            return (null, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private void Fail(InfluxWriteFailure failure)
    {
        counters.Failed(failure.Points);
        if (failure.Points == 0) return;
        Log.Failed(logger, failure.Points, failure.StatusCode, failure.Error, failure.Attempts);
        try { options.OnFailure?.Invoke(failure); }
        catch (Exception e) { Log.FailureHandlerThrew(logger, e); }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "InfluxDB write of {Points} points failed ({Status}: {Error}); retry {Attempt} in {DelayMs} ms")]
        public static partial void Retrying(ILogger logger, int points, int? status, string error, double delayMs, int attempt);

        [LoggerMessage(2, LogLevel.Error, "InfluxDB did not take {Points} points after {Attempts} attempt(s) ({Status}: {Error})")]
        public static partial void Failed(ILogger logger, int points, int? status, string error, int attempts);

        [LoggerMessage(4, LogLevel.Information, "InfluxDB writable again after an outage since {Since:o} ({Attempts} attempts for the held batch)")]
        public static partial void Recovered(ILogger logger, DateTimeOffset since, int attempts);

        [LoggerMessage(3, LogLevel.Error, "InfluxWriterOptions.OnFailure threw")]
        public static partial void FailureHandlerThrew(ILogger logger, Exception exception);
    }
}
