using Pipeline.Fleet.Proxy;
using Pipeline.Fleet.Replica;
using Pipeline.Fleet.Tests.Replica;

namespace Pipeline.Fleet.Tests.Proxy;

/// <summary>A proxy in front of in-process replicas <c>r1</c>, <c>r2</c>, ... (all real Kestrel on loopback).</summary>
internal sealed class Fleet : IAsyncDisposable
{
    private Fleet(RunningProxy proxy, RunningReplica[] replicas)
    {
        Proxy = proxy;
        Replicas = replicas;
    }

    public RunningProxy Proxy { get; }
    public RunningReplica[] Replicas { get; }

    public static async Task<Fleet> StartAsync(ProxyOptions proxyOptions, params ReplicaOptions[] replicaOptions)
    {
        var replicas = new RunningReplica[replicaOptions.Length];
        for (var i = 0; i < replicas.Length; i++)
            replicas[i] = await RunningReplica.StartAsync(new ReplicaOptions
            {
                Id = $"r{i + 1}",
                Workers = replicaOptions[i].Workers,
                ServiceMean = replicaOptions[i].ServiceMean,
                ServiceCv = replicaOptions[i].ServiceCv,
                QueueLimit = replicaOptions[i].QueueLimit,
                Seed = i + 1,
            });
        var proxy = await RunningProxy.StartAsync(proxyOptions);
        for (var i = 0; i < replicas.Length; i++) await proxy.AddAsync($"r{i + 1}", replicas[i].Address);
        return new Fleet(proxy, replicas);
    }

    /// <summary>Requests each replica has completed (its own /stats).</summary>
    public async Task<long[]> CompletedAsync() =>
        await Task.WhenAll(Replicas.Select(async r => (await r.StatsAsync()).Completed));

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        foreach (var r in Replicas) await r.DisposeAsync();
    }
}
