namespace Pipeline.Fleet.Load;

/// <summary>One request before a run: an unreachable URL fails at once with a clear message instead of a run of errors.</summary>
internal static class Preflight
{
    /// <summary>Throws <see cref="HttpRequestException"/> naming the URL and the reason when it does not answer at all.</summary>
    public static async Task CheckAsync(HttpClient client, Uri url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cts.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new HttpRequestException($"loadgen: {url} is unreachable ({ErrorKinds.Of(e)}: {e.Message}); nothing was sent", e);
        }
    }
}
