using System.Net.Http.Json;
using Pipeline.Fleet.Replica;

namespace Pipeline.Fleet.Proxy.Metrics;

/// <summary>Reads a replica's <c>GET /stats</c>; null when it does not answer in time (down, or not a replica).</summary>
internal sealed class ReplicaStatsPoller(HttpClient client)
{
    public async Task<ReplicaStats?> PollAsync(Uri replica, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetFromJsonAsync<ReplicaStats>(new Uri(replica, "/stats"), cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            if (cancellationToken.IsCancellationRequested) throw;
            return null;
        }
    }
}
