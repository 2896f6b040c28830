using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Pipeline.Fleet.Tests.Support;

/// <summary>A tiny real Kestrel app on 127.0.0.1 port 0 whose <c>/work</c> answers with the given handler.</summary>
public sealed class TestService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestService(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }
    public Uri Work => new(BaseUrl, "/work");

    /// <summary>Starts the app; <paramref name="work"/> handles <c>GET /work</c>.</summary>
    public static async Task<TestService> StartAsync(RequestDelegate work)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/work", work);
        await app.StartAsync();
        return new TestService(app, new Uri(app.Urls.Single()));
    }

    /// <summary>A <c>/work</c> that answers 200 after <paramref name="delay"/>.</summary>
    public static Task<TestService> Delayed(TimeSpan delay) => StartAsync(async context =>
    {
        await Task.Delay(delay, context.RequestAborted);
        await context.Response.WriteAsync("ok", context.RequestAborted);
    });

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
