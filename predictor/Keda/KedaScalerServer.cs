using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pipeline.Predictor.Keda;

/// <summary>Serves <see cref="KedaExternalScaler"/> on Kestrel over HTTP/2: plaintext as KEDA's default gRPC client expects, or TLS (and mutual TLS) from PEM files (<see cref="KedaTls"/>).</summary>
public sealed class KedaScalerServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KedaScalerServer(WebApplication app, Uri url) => (_app, Url) = (app, url);

    /// <summary>Address the scaler answers on, e.g. <c>http://127.0.0.1:9470</c> (<c>https://</c> with TLS).</summary>
    public Uri Url { get; }

    /// <summary>Starts serving; throws <see cref="IOException"/> when the port cannot be bound, <see cref="InvalidOperationException"/> when the TLS files are unusable.</summary>
    public static async Task<KedaScalerServer> StartAsync(KedaScalerOptions options, LatestScaleDecisions decisions, CancellationToken cancellationToken = default)
    {
        var tls = KedaTls.Create(options);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(options.BindAddress), options.Port, l =>
        {
            l.Protocols = HttpProtocols.Http2;
            if (tls is not null) l.UseHttps(tls);
        }));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(decisions);
        builder.Services.AddSingleton(options);
        var app = builder.Build();
        app.MapGrpcService<KedaExternalScaler>();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new KedaScalerServer(app, new Uri(app.Urls.FirstOrDefault() ?? $"{(options.CertificateFile.Length > 0 ? "https" : "http")}://{options.BindAddress}:{options.Port}"));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
