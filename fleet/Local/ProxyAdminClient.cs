using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace Pipeline.Fleet.Local;

/// <summary>The proxy's admin API: list, add and drain-remove destinations, set route weights.</summary>
internal sealed class ProxyAdminClient(Uri admin, TimeSpan drainTimeout) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = admin, Timeout = drainTimeout + TimeSpan.FromSeconds(10) };

    public async Task<IReadOnlyList<ProxyDestination>> ListAsync(CancellationToken cancellationToken) =>
        await _http.GetFromJsonAsync<List<ProxyDestination>>("/admin/destinations", cancellationToken) ?? [];

    public async Task AddAsync(string id, Uri address, CancellationToken cancellationToken)
    {
        using var response = await _http.PutAsJsonAsync($"/admin/destinations/{Uri.EscapeDataString(id)}",
            new { address = address.GetLeftPart(UriPartial.Authority) }, cancellationToken);
        await EnsureAsync(response, $"adding {id}", cancellationToken);
    }

    /// <summary>Stops new requests to <paramref name="id"/>; true once its proxied requests reached zero, false on the drain timeout.</summary>
    public async Task<bool> RemoveAsync(string id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var seconds = Math.Max(0, timeout.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture);
        using var response = await _http.DeleteAsync($"/admin/destinations/{Uri.EscapeDataString(id)}?timeout={seconds}s", cancellationToken);
        if (response.StatusCode is HttpStatusCode.GatewayTimeout) return false;
        if (response.StatusCode is HttpStatusCode.NotFound) return true;
        await EnsureAsync(response, $"removing {id}", cancellationToken);
        return true;
    }

    public async Task SetWeightsAsync(IReadOnlyDictionary<string, double> weights, CancellationToken cancellationToken)
    {
        using var response = await _http.PutAsJsonAsync("/admin/weights", weights, cancellationToken);
        await EnsureAsync(response, "setting weights", cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new HttpRequestException($"proxy admin {what}: {(int)response.StatusCode} {body}", null, response.StatusCode);
    }
}

/// <summary>One destination as the proxy's admin API lists it.</summary>
internal sealed record ProxyDestination(string Id, string Address, bool Ready, double Weight, int InFlight);
