namespace Pipeline.Fleet.Load;

/// <summary>One request before a run: an unreachable URL fails at once with a clear message instead of a run of errors.</summary>
internal static class Preflight
{
    /// <summary>
    /// Throws <see cref="HttpRequestException"/> naming the URL and the reason when the request fails (refused, reset, no
    /// such host). Any status counts as reachable, and so does a server too slow to answer within <paramref name="timeout"/>.
    /// </summary>
    public static async Task CheckAsync(HttpClient client, Uri url, TimeSpan timeout, Action<string>? note, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        }
        catch (HttpRequestException e)
        {
            throw new HttpRequestException($"loadgen: {url} is unreachable ({ErrorKinds.Of(e)}: {e.Message}); nothing was sent", e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            note?.Invoke($"loadgen: {url} did not answer the first request within {timeout.TotalSeconds:0.###} s; starting anyway");
        }
    }
}
