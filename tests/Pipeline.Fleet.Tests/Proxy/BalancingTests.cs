using Pipeline.Fleet.Proxy;
using Pipeline.Fleet.Replica;

namespace Pipeline.Fleet.Tests.Proxy;

public sealed class BalancingTests
{
    private static ReplicaOptions Fast(int workers = 64) => new() { Workers = workers, ServiceMean = TimeSpan.FromMilliseconds(2), ServiceCv = 0.5 };

    [Fact]
    public async Task RoundRobin_ThreeReplicas_SpreadsEvenly()
    {
        await using var fleet = await Fleet.StartAsync(new ProxyOptions { Balancer = ProxyBalancerNames.RoundRobin }, Fast(), Fast(), Fast());

        var codes = await fleet.Proxy.LoadAsync(90, clients: 1);

        Assert.All(codes, c => Assert.Equal(200, c));
        var completed = await fleet.CompletedAsync();
        Assert.Equal(new long[] { 30, 30, 30 }, completed);
    }

    [Theory]
    [InlineData(ProxyBalancerNames.PowerOfTwo)]
    [InlineData(ProxyBalancerNames.LeastRequests)]
    [InlineData(ProxyBalancerNames.Learned)]
    public async Task Balancer_EveryName_ProxiesEveryRequestToAReplica(string balancer)
    {
        await using var fleet = await Fleet.StartAsync(new ProxyOptions { Balancer = balancer }, Fast(), Fast());

        var codes = await fleet.Proxy.LoadAsync(40, clients: 4);

        Assert.All(codes, c => Assert.Equal(200, c));
        Assert.Equal(40, (await fleet.CompletedAsync()).Sum());
    }

    [Fact]
    public async Task Learned_Weights3To1_ShiftsTrafficAbout3To1()
    {
        var replica = new ReplicaOptions { Workers = 64, ServiceMean = TimeSpan.FromMilliseconds(20), ServiceCv = 0.3 };
        await using var fleet = await Fleet.StartAsync(new ProxyOptions { Balancer = ProxyBalancerNames.Learned }, replica, replica);
        await fleet.Proxy.SetWeightsAsync(new Dictionary<string, double> { ["r1"] = 3, ["r2"] = 1 });
        await fleet.Proxy.LoadAsync(100, clients: 16); // warm-up: connections, JIT, latency estimates
        var before = await fleet.CompletedAsync();

        var codes = await fleet.Proxy.LoadAsync(800, clients: 16);

        Assert.All(codes, c => Assert.Equal(200, c));
        var after = await fleet.CompletedAsync();
        var r1 = after[0] - before[0];
        var r2 = after[1] - before[1];
        Assert.Equal(800, r1 + r2);
        // Weighted least request holds in-flight counts near 3:1 (active + 1 in the denominator: ~12.5 vs ~3.5 of 16).
        Assert.InRange((double)r1 / (r1 + r2), 0.65, 0.85);
    }

    [Fact]
    public async Task Learned_FailFastReplica_EjectedAfterAFewErrors()
    {
        await using var fleet = await Fleet.StartAsync(new ProxyOptions { Balancer = ProxyBalancerNames.Learned }, Fast(), Fast(), Fast());
        (await fleet.Replicas[2].Client.PostAsync("/fault?kind=fail", null)).Dispose();

        var codes = await fleet.Proxy.LoadAsync(300, clients: 4);

        var failing = (await fleet.Replicas[2].StatsAsync()).Completed;
        // Five errors in a row eject it (Envoy's consecutive_5xx); the requests already in flight to it then may fail too.
        Assert.InRange(failing, 1, 5 + 4);
        Assert.Equal(failing, codes.Count(c => c == 500));
        Assert.Equal(300 - failing, codes.Count(c => c == 200));
    }
}
