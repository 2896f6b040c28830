using Pipeline.Contracts.Messages;
using Pipeline.Features.Windowing;

namespace Pipeline.Features.Tests.Windowing;

public sealed class WindowAccumulatorTests
{
    private static readonly DateTimeOffset T = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static MetricSample Sample(string replica, int second) =>
        new() { Service = "web", Replica = replica, Timestamp = T.AddSeconds(second), Requests = 1 };

    [Fact]
    public void One_replica_then_more_are_counted_ordered_by_id_and_duplicates_refused()
    {
        var window = new WindowAccumulator(T, T.AddSeconds(15));
        Assert.Equal(0, window.ReplicaCount);
        Assert.Empty(window.OrderedReplicas());

        Assert.True(window.TryAdd(Sample("r3", 1)));
        Assert.False(window.TryAdd(Sample("r3", 1)));
        Assert.True(window.HasReplica("r3"));
        Assert.False(window.HasReplica("R3"));
        Assert.True(window.TryAdd(Sample("r1", 2)));
        Assert.True(window.TryAdd(Sample("r2", 3)));
        Assert.True(window.TryAdd(Sample("r3", 4)));
        Assert.False(window.TryAdd(Sample("r3", 1))); // the replica kept before the others came: its earlier sample still known
        Assert.False(window.TryAdd(Sample("r1", 2)));

        Assert.Equal(3, window.ReplicaCount);
        Assert.Equal(4, window.SampleCount);
        Assert.Equal(["r1", "r2", "r3"], window.OrderedReplicas().Select(r => r.Replica));
        Assert.Equal(2, window.OrderedReplicas()[2].Requests);
    }
}
