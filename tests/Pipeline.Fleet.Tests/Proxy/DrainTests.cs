using System.Net;
using Pipeline.Fleet.Proxy;
using Pipeline.Fleet.Replica;
using Pipeline.Fleet.Tests.Replica;

namespace Pipeline.Fleet.Tests.Proxy;

public sealed class DrainTests
{
    [Fact]
    public async Task Delete_RequestInFlight_AnswersAfterItCompletesAndRoutesNothingNewThere()
    {
        await using var slow = await RunningReplica.StartAsync(new ReplicaOptions { Id = "slow", ServiceMean = TimeSpan.FromMilliseconds(700), ServiceCv = 0 });
        await using var fast = await RunningReplica.StartAsync(new ReplicaOptions { Id = "fast", Workers = 16, ServiceMean = TimeSpan.FromMilliseconds(1) });
        await using var proxy = await RunningProxy.StartAsync(new ProxyOptions());
        await proxy.AddAsync("slow", slow.Address);
        var inFlight = proxy.Client.GetAsync("/work");
        while ((await slow.StatsAsync()).InFlight == 0) await Task.Delay(5);
        await proxy.AddAsync("fast", fast.Address);

        var delete = proxy.Client.DeleteAsync("/admin/destinations/slow?timeout=30s");
        // The proxy takes the destination out of routing when it receives the DELETE (it answers only after the drain):
        // send the load once the DELETE has arrived, not while it may still be on its way (a race under CI load).
        var removedBy = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < removedBy && (await proxy.DestinationsAsync()).Any(d => d.GetProperty("id").GetString() == "slow")) await Task.Delay(5);
        var during = await proxy.LoadAsync(20, clients: 2);
        using var deleted = await delete;

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.True(inFlight.IsCompletedSuccessfully, "DELETE answered before the in-flight request completed");
        Assert.Equal(HttpStatusCode.OK, (await inFlight).StatusCode);
        Assert.All(during, c => Assert.Equal(200, c));
        Assert.Equal(1, (await slow.StatsAsync()).Completed);
        Assert.Equal(20, (await fast.StatsAsync()).Completed);
        Assert.DoesNotContain(await proxy.DestinationsAsync(), d => d.GetProperty("id").GetString() == "slow");
    }

    [Fact]
    public async Task Delete_RequestOutlastsTimeout_Answers504()
    {
        await using var slow = await RunningReplica.StartAsync(new ReplicaOptions { ServiceMean = TimeSpan.FromMilliseconds(1500), ServiceCv = 0 });
        await using var proxy = await RunningProxy.StartAsync(new ProxyOptions());
        await proxy.AddAsync("slow", slow.Address);
        var inFlight = proxy.Client.GetAsync("/work");
        while ((await slow.StatsAsync()).InFlight == 0) await Task.Delay(5);

        using var deleted = await proxy.Client.DeleteAsync("/admin/destinations/slow?timeout=100ms");

        Assert.Equal(HttpStatusCode.GatewayTimeout, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await inFlight).StatusCode);
    }

    [Fact]
    public async Task Delete_UnknownDestination_Answers404()
    {
        await using var proxy = await RunningProxy.StartAsync(new ProxyOptions());

        using var deleted = await proxy.Client.DeleteAsync("/admin/destinations/nope");

        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
    }
}
