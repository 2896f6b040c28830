using System.Net;

namespace Pipeline.Runtime.Http;

/// <summary>The accept step of an <see cref="HttpListener"/> loop, shared by the stages' HTTP endpoints.</summary>
public static class ListenerRequests
{
    /// <summary>The next request, or null once the listener is stopped or closed (the loop should end).</summary>
    public static async Task<HttpListenerContext?> NextAsync(HttpListener listener)
    {
        try
        {
            return await listener.GetContextAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            return null;
        }
    }
}
