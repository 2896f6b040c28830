using System.Net;
using Pipeline.Fleet.Replica;

namespace Pipeline.Fleet.Tests.Replica;

public sealed class FaultTests
{
    [Fact]
    public async Task Work_FailFault_Answers500WithoutTakingAWorker()
    {
        await using var replica = await RunningReplica.StartAsync(new ReplicaOptions
        {
            Workers = 1, ServiceMean = TimeSpan.FromSeconds(30),
        });
        using (var fault = await replica.Client.PostAsync("/fault?kind=fail", null)) fault.EnsureSuccessStatusCode();

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => replica.Client.GetAsync("/work")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.InternalServerError, r.StatusCode));
        var stats = await replica.StatsAsync();
        Assert.Equal(5, stats.Errors);
        Assert.Equal(5, stats.Completed);
        Assert.Equal(0, stats.BusySeconds);
    }

    [Fact]
    public async Task Work_NoneAfterFail_ServesAgain()
    {
        await using var replica = await RunningReplica.StartAsync(new ReplicaOptions { ServiceMean = TimeSpan.FromMilliseconds(1) });
        (await replica.Client.PostAsync("/fault?kind=fail", null)).Dispose();
        (await replica.Client.PostAsync("/fault?kind=none", null)).Dispose();

        using var response = await replica.Client.GetAsync("/work");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Fault_Die_RunsTheDieActionAfterAnswering()
    {
        await using var replica = await RunningReplica.StartAsync(new ReplicaOptions());

        using var response = await replica.Client.PostAsync("/fault?kind=die", null);
        for (var i = 0; i < 200 && replica.Deaths == 0; i++) await Task.Delay(10);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, replica.Deaths);
    }

    [Fact]
    public async Task Fault_UnknownKind_Answers400()
    {
        await using var replica = await RunningReplica.StartAsync(new ReplicaOptions());

        using var response = await replica.Client.PostAsync("/fault?kind=melt", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
