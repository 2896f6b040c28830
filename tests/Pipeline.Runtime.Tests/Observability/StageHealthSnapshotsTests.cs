using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Runtime.Observability;
using Pipeline.TestSupport.Time;

namespace Pipeline.Runtime.Tests.Observability;

public sealed class StageHealthSnapshotsTests
{
    [Fact]
    public void Take_TwoStages_OneSnapshotEachWithTotalsLagAndPollAge()
    {
        var time = new ManualTimeProvider();
        var counters = new StageCounters();
        var features = counters.For("features");
        features.MarkPolled(time.GetUtcNow());
        features.AddConsumed("pipeline.metrics");
        features.AddConsumed("pipeline.metrics");
        features.AddPublished("pipeline.features");
        features.AddDeadLettered("pipeline.metrics");
        features.SetLag(7);
        counters.For("actuator");
        time.Advance(TimeSpan.FromSeconds(2));

        var snapshots = StageHealthSnapshots.Take(counters, "host-a", time.GetUtcNow(), TimeSpan.FromSeconds(30));

        Assert.Equal(["actuator", "features"], snapshots.Select(s => s.Stage));
        var f = snapshots[1];
        Assert.Equal(("host-a", 2L, 1L, 1L, 7L, 2.0, true), (f.Instance, f.Consumed, f.Published, f.DeadLettered, f.ConsumerLag, f.LastPollAgeSeconds, f.Healthy));
        Assert.Equal(time.GetUtcNow(), f.Timestamp);
        var a = snapshots[0];
        Assert.Equal((null, null, false), (a.ConsumerLag, a.LastPollAgeSeconds, a.Healthy));
        Assert.NotNull(a.Reason);
    }
}
