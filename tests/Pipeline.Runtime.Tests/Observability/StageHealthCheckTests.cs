using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Runtime.Observability;
using Pipeline.TestSupport.Time;

namespace Pipeline.Runtime.Tests.Observability;

public sealed class StageHealthCheckTests
{
    private static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);

    [Fact]
    public void Evaluate_PolledWithinLimit_Healthy()
    {
        var time = new ManualTimeProvider();
        var counters = new StageCounters();
        counters.For("features").MarkPolled(time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(29));

        var status = Assert.Single(StageHealthCheck.Evaluate(counters, time.GetUtcNow(), StaleAfter));

        Assert.True(status.Healthy);
        Assert.Null(status.Reason);
        Assert.Equal(TimeSpan.FromSeconds(29), status.LastPollAge);
    }

    [Fact]
    public void Evaluate_PausedButPolling_UnhealthyWithReasonUntilResumed()
    {
        var time = new ManualTimeProvider();
        var counters = new StageCounters();
        var sink = counters.For("sink");
        sink.MarkPolled(time.GetUtcNow());
        sink.SetPaused("InfluxDB at http://127.0.0.1:8086 not writable");

        var paused = Assert.Single(StageHealthCheck.Evaluate(counters, time.GetUtcNow(), StaleAfter));
        sink.SetPaused(null);
        var resumed = Assert.Single(StageHealthCheck.Evaluate(counters, time.GetUtcNow(), StaleAfter));

        Assert.False(paused.Healthy);
        Assert.Equal("sink: paused: InfluxDB at http://127.0.0.1:8086 not writable", paused.Reason);
        Assert.True(resumed.Healthy);
    }

    [Fact]
    public void Evaluate_LastPollOlderThanLimit_UnhealthyWithAge()
    {
        var time = new ManualTimeProvider();
        var counters = new StageCounters();
        counters.For("features").MarkPolled(time.GetUtcNow());
        time.Advance(TimeSpan.FromSeconds(31));

        var status = Assert.Single(StageHealthCheck.Evaluate(counters, time.GetUtcNow(), StaleAfter));

        Assert.False(status.Healthy);
        Assert.Equal("features: last poll 31.0 s ago (limit 30 s)", status.Reason);
    }

    [Fact]
    public void Evaluate_NeverPolled_Unhealthy()
    {
        var counters = new StageCounters();
        counters.For("predictor");

        var status = Assert.Single(StageHealthCheck.Evaluate(counters, new ManualTimeProvider().GetUtcNow(), StaleAfter));

        Assert.False(status.Healthy);
        Assert.Contains("has not polled yet", status.Reason);
    }

    [Fact]
    public void Evaluate_FatalAfterRecentPoll_UnhealthyWithFirstReason()
    {
        var time = new ManualTimeProvider();
        var counters = new StageCounters();
        var counter = counters.For("actuator");
        counter.MarkPolled(time.GetUtcNow());
        counter.MarkFatal("output not delivered (pipeline.actuations: broker down)");
        counter.MarkFatal("stopped: later error");

        var status = Assert.Single(StageHealthCheck.Evaluate(counters, time.GetUtcNow(), StaleAfter));

        Assert.False(status.Healthy);
        Assert.Equal("actuator: fatal: output not delivered (pipeline.actuations: broker down)", status.Reason);
    }
}
