using System.Diagnostics;

namespace Pipeline.Fleet.Load;

/// <summary>Sends one request of a run and records its outcome; never throws (every failure is an error kind).</summary>
internal sealed class RequestSender(HttpClient client, LoadOptions options, LoadRecorder recorder, Stopwatch clock)
{
    public void Send(TimeSpan scheduled) => _ = SendAsync(scheduled);

    private async Task SendAsync(TimeSpan scheduled)
    {
        var sent = clock.Elapsed;
        string? error;
        using var timeout = new CancellationTokenSource(options.Timeout);
        try
        {
            using var response = await client.GetAsync(options.Url, HttpCompletionOption.ResponseContentRead, timeout.Token);
            error = response.IsSuccessStatusCode ? null : ErrorKinds.Of(response.StatusCode);
        }
        catch (Exception e)
        {
            error = ErrorKinds.Of(e);
        }
        recorder.Complete(new RequestOutcome(scheduled, sent, clock.Elapsed, error));
    }
}
