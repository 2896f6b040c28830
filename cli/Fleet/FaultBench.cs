using Pipeline.Fleet.Load;
using Pipeline.Fleet.Local;
using Pipeline.Fleet.Proxy;

namespace Pipeline.Cli.Fleet;

/// <summary>
/// One balancer x fault run on the real fleet: a proxy with the balancer in front of real replica processes, a fault
/// injected into one replica through its <c>/fault</c> endpoint once all are ready, a constant Poisson load through the
/// proxy; the load generator's latency and errors as measured by the client.
/// </summary>
internal static class FaultBench
{
    public static async Task<LoadResult> RunAsync(string balancer, string fault, int replicas, LocalReplicaSettings replica, double rate, TimeSpan duration,
        CancellationToken cancellationToken)
    {
        await using var proxy = ProxyHost.Create(new ProxyOptions { Service = "web", Balancer = balancer });
        var admin = await proxy.StartAsync(cancellationToken);
        await using var target = LocalTargetFactory.Create(new LocalTargetOptions { ProxyAdmin = admin, Replica = replica, InitialReplicas = replicas, MaxReplicas = replicas });
        if (!await target.WaitForAsync(s => s.Ready >= replicas, TimeSpan.FromSeconds(90), cancellationToken))
            throw new InvalidOperationException($"replicas not ready within 90 s: {target.Status}");
        var victim = target.ReadyReplicas.OrderBy(r => r.Key, StringComparer.Ordinal).First().Value;
        using (var http = new HttpClient())
        {
            var query = fault == "slow" ? "kind=slow&factor=4" : "kind=fail";
            (await http.PostAsync(new Uri(victim, $"fault?{query}"), null, cancellationToken)).EnsureSuccessStatusCode();
        }
        return await new LoadGenerator(new LoadOptions { Url = new Uri(admin, "work"), Rate = RateProfile.Constant(rate), Duration = duration }).RunAsync(cancellationToken);
    }
}
