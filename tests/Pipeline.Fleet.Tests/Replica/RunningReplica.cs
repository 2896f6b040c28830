using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Pipeline.Fleet.Replica;

namespace Pipeline.Fleet.Tests.Replica;

/// <summary>A replica started in-process on a free loopback port, with a client for it.</summary>
internal sealed class RunningReplica : IAsyncDisposable
{
    private readonly StrongBox<int> _deaths;

    private RunningReplica(ReplicaHost host, Uri address, StrongBox<int> deaths)
    {
        Host = host;
        Address = address;
        _deaths = deaths;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public ReplicaHost Host { get; }
    public Uri Address { get; }
    public HttpClient Client { get; }

    /// <summary>Times the <c>die</c> fault ran (in-process it only counts instead of killing the test host).</summary>
    public int Deaths => Volatile.Read(ref _deaths.Value);

    public static async Task<RunningReplica> StartAsync(ReplicaOptions options, TimeProvider? time = null)
    {
        var deaths = new StrongBox<int>();
        var host = ReplicaHost.Create(options, () => Interlocked.Increment(ref deaths.Value), time);
        var address = await host.StartAsync();
        return new RunningReplica(host, address, deaths);
    }

    /// <summary>
    /// Opens <paramref name="connections"/> connections and runs a few requests through every endpoint once, so that
    /// measurements after it do not include start-up costs (JIT, connection set-up) on a busy machine.
    /// </summary>
    public async Task WarmUpAsync(int connections = 8)
    {
        for (var round = 0; round < 3; round++)
            await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Client.GetStringAsync(round == 1 ? "/work" : "/stats")));
    }

    public async Task<ReplicaStats> StatsAsync() => (await Client.GetFromJsonAsync<ReplicaStats>("/stats"))!;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.StopAsync();
        await Host.DisposeAsync();
    }
}
