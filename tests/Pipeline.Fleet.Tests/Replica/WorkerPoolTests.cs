using System.Net;
using Pipeline.Fleet.Replica;

namespace Pipeline.Fleet.Tests.Replica;

public sealed class WorkerPoolTests
{
    [Fact]
    public async Task Work_TwoWorkers_NoMoreThanTwoInServiceAndTheRestQueued()
    {
        await using var replica = await RunningReplica.StartAsync(new ReplicaOptions
        {
            Workers = 2, ServiceMean = TimeSpan.FromMilliseconds(40), ServiceCv = 0.3,
        });
        var requests = Enumerable.Range(0, 12).Select(_ => replica.Client.GetAsync("/work")).ToList();
        var all = Task.WhenAll(requests);
        var maxInService = 0;
        var maxQueued = 0;
        while (!all.IsCompleted)
        {
            var stats = await replica.StatsAsync();
            maxInService = Math.Max(maxInService, stats.InFlight);
            maxQueued = Math.Max(maxQueued, stats.Queued);
            await Task.Delay(2);
        }
        var responses = await all;

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(2, maxInService);
        Assert.True(maxQueued > 0, "requests beyond the two workers wait in the queue");
        var final = await replica.StatsAsync();
        Assert.Equal(12, final.Completed);
        Assert.Equal(0, final.InFlight + final.Queued);
    }

    [Fact]
    public async Task Work_QueueFull_Answers503AndCountsRejected()
    {
        await using var replica = await RunningReplica.StartAsync(new ReplicaOptions
        {
            Workers = 1, QueueLimit = 2, ServiceMean = TimeSpan.FromMilliseconds(800), ServiceCv = 0,
        });
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => replica.Client.GetAsync("/work")));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.ServiceUnavailable));
        var stats = await replica.StatsAsync();
        Assert.Equal(3, stats.Rejected);
        Assert.Equal(3, stats.Completed);
    }
}
