using System.Net;
using Pipeline.Fleet.Replica;
using Pipeline.TestSupport.Time;

namespace Pipeline.Fleet.Tests.Replica;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_BeforeAndAfterStartupDelay_503Then200()
    {
        var time = new ManualTimeProvider();
        await using var replica = await RunningReplica.StartAsync(new ReplicaOptions { StartupDelay = TimeSpan.FromSeconds(5) }, time);

        using (var before = await replica.Client.GetAsync("/ready")) Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        time.Advance(TimeSpan.FromSeconds(4.9));
        using (var almost = await replica.Client.GetAsync("/ready")) Assert.Equal(HttpStatusCode.ServiceUnavailable, almost.StatusCode);
        time.Advance(TimeSpan.FromSeconds(0.1));
        using (var after = await replica.Client.GetAsync("/ready")) Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.True((await replica.StatsAsync()).Ready);
    }

    [Fact]
    public async Task Stop_WithRequestInService_ReadinessFalseAtOnceAndRequestCompletes()
    {
        var replica = await RunningReplica.StartAsync(new ReplicaOptions
        {
            Workers = 1, ServiceMean = TimeSpan.FromMilliseconds(600), ServiceCv = 0,
        });
        var inService = replica.Client.GetAsync("/work");
        while ((await replica.StatsAsync()).InFlight == 0) await Task.Delay(5);

        var stopping = replica.Host.StopAsync();
        Assert.False(replica.Host.Stats().Ready);
        using var response = await inService;
        await stopping;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, replica.Host.Stats().Completed);
        await replica.Host.DisposeAsync();
        replica.Client.Dispose();
    }
}
