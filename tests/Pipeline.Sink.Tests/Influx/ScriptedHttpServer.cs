using System.Collections.Concurrent;
using System.Net;
using Pipeline.TestSupport.Influx;

namespace Pipeline.Sink.Tests.Influx;

/// <summary>
/// A loopback HTTP server that answers requests with scripted status codes (then 204 forever), records the bodies,
/// and can hold answers back until <see cref="Release"/> to simulate a slow InfluxDB.
/// </summary>
internal sealed class ScriptedHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(int Status, string Body)> _script = new();
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _loop;

    public ScriptedHttpServer(bool holdAnswers = false, params (int Status, string Body)[] script)
    {
        foreach (var step in script) _script.Enqueue(step);
        if (!holdAnswers) _released.TrySetResult();
        var port = FreePort.Next();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>Bodies of every request received, in arrival order.</summary>
    public ConcurrentQueue<string> Bodies { get; } = new();

    /// <summary>The <c>Authorization</c> header of every request ("" when absent) and its URL, in arrival order.</summary>
    public ConcurrentQueue<(string Authorization, string Url)> Requests { get; } = new();

    /// <summary>Lets held answers go out.</summary>
    public void Release() => _released.TrySetResult();

    public void Dispose()
    {
        _released.TrySetResult();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            Requests.Enqueue((context.Request.Headers["Authorization"] ?? "", context.Request.Url?.ToString() ?? ""));
            using (var reader = new StreamReader(context.Request.InputStream)) Bodies.Enqueue(await reader.ReadToEndAsync());
            await _released.Task;
            var (status, body) = _script.TryDequeue(out var step) ? step : (204, "");
            context.Response.StatusCode = status;
            if (body.Length > 0)
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(body);
                await context.Response.OutputStream.WriteAsync(bytes);
            }
            context.Response.Close();
        }
    }
}
