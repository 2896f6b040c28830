using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Sink.Health;
using Pipeline.Sink.Influx;
using Pipeline.Sink.Mapping;
using Xunit;

namespace Pipeline.Sink.Tests.Health;

public sealed class HealthPointsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TopicCounters_Points_CumulativeCountAndRateSincePreviousSnapshot()
    {
        var counters = new TopicCounters();
        counters.Record("pipeline.metrics");
        counters.Points(T0);
        for (var i = 0; i < 10; i++) counters.Record("pipeline.metrics");
        counters.Record("pipeline.metrics", rejected: true);

        var point = Assert.Single(counters.Points(T0.AddSeconds(5)));

        Assert.Equal(Measurements.PipelineTopic, point.Measurement);
        Assert.Equal("pipeline.metrics", point.Tags["topic"]);
        Assert.Equal(12, point.Fields.Single(f => f.Key == "messages").Value.Integer);
        Assert.Equal(1, point.Fields.Single(f => f.Key == "rejected").Value.Integer);
        Assert.Equal(2.2, point.Fields.Single(f => f.Key == "rate_per_s").Value.Float, 9);
    }

    [Fact]
    public void TopicCounters_Points_LargestLagSinceLastSnapshotThenReset()
    {
        var counters = new TopicCounters();
        counters.Record("t", lag: TimeSpan.FromMilliseconds(40));
        counters.Record("t", lag: TimeSpan.FromMilliseconds(900));
        counters.Record("t", lag: TimeSpan.FromMilliseconds(15));

        var first = Assert.Single(counters.Points(T0));
        var second = Assert.Single(counters.Points(T0.AddSeconds(5)));

        Assert.Equal(900, first.Fields.Single(f => f.Key == "lag_ms").Value.Integer);
        Assert.DoesNotContain(second.Fields, f => f.Key == "lag_ms");
    }

    [Fact]
    public void TopicCounters_FirstSnapshot_HasNoRate()
    {
        var counters = new TopicCounters();
        counters.Record("t");

        Assert.DoesNotContain(Assert.Single(counters.Points(T0)).Fields, f => f.Key == "rate_per_s");
    }

    [Fact]
    public void HealthPoints_Stages_OnePointPerStageWithLagWhereKnown()
    {
        var counters = new StageCounters();
        counters.For("features");
        counters.For("predictor");

        var points = HealthPoints.Stages(counters, T0, new Dictionary<string, long> { ["predictor"] = 17 });

        Assert.Equal(["features", "predictor"], points.Select(p => p.Tags["stage"]));
        Assert.DoesNotContain(points[0].Fields, f => f.Key == "consumer_lag");
        Assert.Equal(17, points[1].Fields.Single(f => f.Key == "consumer_lag").Value.Integer);
    }

    [Fact]
    public void HealthPoints_Writer_CarriesEveryCounter()
    {
        var point = HealthPoints.Writer(new InfluxWriterStats(10, 2, 1, 6, 3, 4, 5), T0);

        Assert.Equal([10L, 2L, 1L, 6L, 3L, 4L, 5L], point.Fields.Select(f => f.Value.Integer));
    }
}
