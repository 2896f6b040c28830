using System.Globalization;
using System.Diagnostics;
using Pipeline.Fleet.Replica;

namespace Pipeline.Fleet.Tests.Replica;

public sealed class ServiceTimeTests
{
    [Fact]
    public async Task Work_LognormalMean20msCv05_MeasuredMeanAndCvWithinTolerance()
    {
        await using var replica = await RunningReplica.StartAsync(new ReplicaOptions
        {
            Workers = 64, ServiceMean = TimeSpan.FromMilliseconds(20), ServiceCv = 0.5, Seed = 7,
        });
        await replica.WarmUpAsync();
        var before = await replica.StatsAsync();
        const int requests = 400;
        var drawn = new double[requests];
        var latencies = new double[requests];
        var next = -1;
        var clients = Enumerable.Range(0, 8).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < requests)
            {
                var watch = Stopwatch.StartNew();
                var body = await replica.Client.GetStringAsync("/work");
                latencies[i] = watch.Elapsed.TotalMilliseconds;
                drawn[i] = double.Parse(body.Split(' ')[1].TrimEnd('m', 's'), CultureInfo.InvariantCulture);
            }
        });
        await Task.WhenAll(clients);

        // The drawn service times (the body reports each) follow the lognormal: mean 20 ms, cv 0.5.
        var (mean, cv) = MeanAndCv(drawn);
        Assert.InRange(mean, 18, 22);
        Assert.InRange(cv, 0.4, 0.6);
        // Held for real: the measured worker-busy time per request is the drawn time, give or take the coarse timer
        // tick (Task.Delay may end a few ms early) and the delay before a timer's continuation runs (loose upper bound:
        // the 2 cores are shared with other builds, and a starved thread pool holds the slot longer, as it would a CPU).
        var after = await replica.StatsAsync();
        Assert.Equal(requests, after.Completed - before.Completed);
        Assert.InRange((after.BusySeconds - before.BusySeconds) / requests * 1000, mean * 0.85, mean * 2);
        // Seen by the client: the response times keep the spread (fixed overheads dilute it a little).
        var (_, clientCv) = MeanAndCv(latencies);
        Assert.InRange(clientCv, 0.3, 0.65);
    }

    private static (double Mean, double Cv) MeanAndCv(double[] values)
    {
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
        return (mean, sd / mean);
    }

    [Fact]
    public async Task Work_SlowFault_MultipliesServiceTime()
    {
        await using var replica = await RunningReplica.StartAsync(new ReplicaOptions
        {
            Workers = 8, ServiceMean = TimeSpan.FromMilliseconds(20), ServiceCv = 0,
        });
        await replica.WarmUpAsync();
        var before = await replica.StatsAsync();
        using (var fault = await replica.Client.PostAsync("/fault?kind=slow&factor=4", null)) fault.EnsureSuccessStatusCode();

        var bodies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => replica.Client.GetStringAsync("/work")));

        Assert.All(bodies, b => Assert.EndsWith(" 80ms", b, StringComparison.Ordinal));
        var after = await replica.StatsAsync();
        Assert.InRange((after.BusySeconds - before.BusySeconds) / (after.Completed - before.Completed) * 1000, 70, 160);
    }
}
