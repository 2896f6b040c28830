using System.Net;
using System.Text;

namespace Pipeline.Ingest.Push;

/// <summary>Writes the answer to a push request: a status and a one-line body (JSON for 200, text otherwise).</summary>
internal static class PushAnswer
{
    /// <summary>Sends the answer; throws what the listener throws when the client went away.</summary>
    public static async Task SendAsync(HttpListenerContext context, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.EndsWith('\n') ? body : body + "\n");
        context.Response.StatusCode = status;
        context.Response.ContentType = status == 200 ? "application/json" : "text/plain; charset=utf-8";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
        context.Response.Close();
    }

    /// <summary>Sends the answer; null when sent, else why not (the client went away).</summary>
    public static async Task<string?> TrySendAsync(HttpListenerContext context, int status, string body)
    {
        try
        {
            await SendAsync(context, status, body).ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            return e.Message;
        }
    }
}
