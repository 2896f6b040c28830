using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Pipeline.Sink.LineProtocol;

namespace Pipeline.Sink.Influx;

/// <summary>Sends one batch of points to <c>/write</c>, retrying with exponential backoff on 5xx and network errors.</summary>
internal sealed partial class BatchSender(HttpClient http, InfluxWriterOptions options, WriterCounters counters, TimeProvider time, ILogger logger)
{
    private readonly StringBuilder _body = new();

    /// <summary>Writes <paramref name="batch"/>; every point ends up counted as written, failed or skipped.</summary>
    public async Task SendAsync(IReadOnlyList<Point> batch, CancellationToken stop)
    {
        _body.Clear();
        var lines = 0;
        foreach (var point in batch)
            if (LineProtocolFormatter.Append(_body, point)) lines++;
        counters.Skipped(batch.Count - lines);
        if (lines == 0) return;
        counters.Batch();
        var payload = Encoding.UTF8.GetBytes(_body.ToString());

        for (var attempt = 1; ; attempt++)
        {
            var (status, error) = await PostAsync(payload, stop);
            if (status is >= HttpStatusCode.OK and < HttpStatusCode.Ambiguous)
            {
                counters.Written(lines);
                return;
            }
            var retryable = status is null || WriteResponse.IsRetryable(status.Value);
            if (!retryable || attempt >= options.MaxAttempts || stop.IsCancellationRequested)
            {
                var dropped = status == HttpStatusCode.BadRequest ? WriteResponse.DroppedPoints(error, lines) : lines;
                counters.Written(lines - dropped);
                Fail(new InfluxWriteFailure(dropped, (int?)status, error, attempt, FirstLine()));
                return;
            }
            counters.Retried(lines);
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
            using var response = await http.PostAsync(options.WriteUri(), content, timeout.Token);
            var body = response.IsSuccessStatusCode ? "" : await response.Content.ReadAsStringAsync(timeout.Token);
            return (response.StatusCode, body.Trim());
        }
        catch (HttpRequestException e) { return (null, e.Message); }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return (null, $"no answer within {options.RequestTimeout.TotalSeconds} s");
        }
        catch (OperationCanceledException) { return (null, "writer stopped before the batch was written"); }
    }

    private void Fail(InfluxWriteFailure failure)
    {
        counters.Failed(failure.Points);
        if (failure.Points == 0) return;
        Log.Failed(logger, failure.Points, failure.StatusCode, failure.Error, failure.Attempts);
        try { options.OnFailure?.Invoke(failure); }
        catch (Exception e) { Log.FailureHandlerThrew(logger, e); }
    }

    private string FirstLine()
    {
        var text = _body.ToString();
        var end = text.IndexOf('\n');
        return end < 0 ? text : text[..end];
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "InfluxDB write of {Points} points failed ({Status}: {Error}); retry {Attempt} in {DelayMs} ms")]
        public static partial void Retrying(ILogger logger, int points, int? status, string error, double delayMs, int attempt);

        [LoggerMessage(2, LogLevel.Error, "InfluxDB did not take {Points} points after {Attempts} attempt(s) ({Status}: {Error})")]
        public static partial void Failed(ILogger logger, int points, int? status, string error, int attempts);

        [LoggerMessage(3, LogLevel.Error, "InfluxWriterOptions.OnFailure threw")]
        public static partial void FailureHandlerThrew(ILogger logger, Exception exception);
    }
}
