using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Fleet.Proxy;

namespace Pipeline.Fleet.Tests.Proxy;

/// <summary>A proxy started in-process on a free loopback port, with a client for it and its admin API.</summary>
internal sealed class RunningProxy : IAsyncDisposable
{
    private RunningProxy(ProxyHost host, Uri address)
    {
        Host = host;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public ProxyHost Host { get; }
    public HttpClient Client { get; }

    public static async Task<RunningProxy> StartAsync(ProxyOptions options)
    {
        var host = ProxyHost.Create(options);
        return new RunningProxy(host, await host.StartAsync());
    }

    public async Task AddAsync(string id, Uri replica)
    {
        using var response = await Client.PutAsJsonAsync($"/admin/destinations/{id}", new { address = replica.ToString() });
        response.EnsureSuccessStatusCode();
    }

    public async Task SetWeightsAsync(object weights)
    {
        using var response = await Client.PutAsJsonAsync("/admin/weights", weights);
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonElement[]> DestinationsAsync() =>
        (await Client.GetFromJsonAsync<JsonElement[]>("/admin/destinations"))!;

    /// <summary>Sends <paramref name="requests"/> GET /work from <paramref name="clients"/> closed-loop clients; returns the status codes.</summary>
    public async Task<int[]> LoadAsync(int requests, int clients)
    {
        var codes = new int[requests];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                using var response = await Client.GetAsync("/work");
                codes[i] = (int)response.StatusCode;
            }
        }));
        return codes;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.StopAsync();
        await Host.DisposeAsync();
    }
}
