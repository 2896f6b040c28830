using Pipeline.Contracts.Messages;
using Pipeline.Fleet.Proxy;
using Pipeline.Fleet.Replica;

namespace Pipeline.Fleet.Tests.Proxy;

public sealed class MetricsTests
{
    [Fact]
    public async Task Samples_UnderLoad_CountProxiedRequestsAndMeasuredUtilization()
    {
        var replica = new ReplicaOptions { Workers = 2, ServiceMean = TimeSpan.FromMilliseconds(30), ServiceCv = 0 };
        await using var fleet = await Fleet.StartAsync(new ProxyOptions { MetricsInterval = TimeSpan.FromMilliseconds(250) }, replica);
        // Two closed-loop clients keep both workers of r1 busy nearly all the time; the samples say so. Every round is
        // read from the collector's recent history (polling the latest round alone misses rounds on a loaded machine).
        await fleet.Proxy.LoadAsync(60, clients: 2);
        // The second idle round: the first may still hold the last request's tail of busy time, read from the replica
        // a moment before the proxy counted its response (a 2026-12-02 CI run saw 7.4e-05 there).
        var idle = await WaitForIdleSampleAsync(fleet.Proxy.Host, DateTimeOffset.UtcNow);
        var final = await WaitForIdleSampleAsync(fleet.Proxy.Host, idle.Timestamp);
        var seen = fleet.Proxy.Host.RecentSamples.ToList();

        Assert.All(seen, s => Assert.Equal(("web", "r1"), (s.Service, s.Replica)));
        var busy = seen.Where(s => s.Completed > 0 && s.Requests > 0).ToList();
        Assert.NotEmpty(busy);
        Assert.Contains(busy, s => s.Utilization > 0.6);
        Assert.All(seen, s => Assert.InRange(s.Utilization, 0, 1));
        Assert.Equal(60, seen.Sum(s => s.Completed));
        Assert.Equal(seen.Sum(s => s.Completed), seen.Sum(s => s.LatencyCounts.Sum()));
        Assert.Equal(0, final.Utilization);
    }

    /// <summary>Waits for a round after <paramref name="after"/> with no traffic (the load's tail is then counted).</summary>
    private static async Task<MetricSample> WaitForIdleSampleAsync(ProxyHost proxy, DateTimeOffset after)
    {
        for (var i = 0; i < 500; i++)
        {
            if (proxy.LatestSamples is [var s] && s.Timestamp > after && s.Requests == 0 && s.Completed == 0 && s.InFlight == 0) return s;
            await Task.Delay(20);
        }
        throw new TimeoutException("no idle sample");
    }
}
