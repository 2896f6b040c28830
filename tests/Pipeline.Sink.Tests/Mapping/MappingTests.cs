using Pipeline.Sink.LineProtocol;
using Pipeline.Sink.Mapping;
using Xunit;

namespace Pipeline.Sink.Tests.Mapping;

public sealed class MappingTests
{
    private static FieldValue F(Point p, string key) => Assert.Single(p.Fields, f => f.Key == key).Value;

    [Fact]
    public void MetricSamplePoints_From_TagsServiceAndReplicaAndDerivesRatesAndPercentiles()
    {
        var p = MetricSamplePoints.From(SampleMessages.Metric());

        Assert.Equal(Measurements.MetricSample, p.Measurement);
        Assert.Equal(new Dictionary<string, string> { ["replica"] = "checkout-1", ["service"] = "checkout" }, p.Tags);
        Assert.Equal(FieldValue.Of(100L), F(p, "requests"));
        Assert.Equal(50.0, F(p, "request_rate").Float);
        Assert.Equal(0.1, F(p, "error_rate").Float, 12);
        Assert.Equal(10.0, F(p, "latency_mean_ms").Float);
        Assert.InRange(F(p, "latency_p50_ms").Float, 2.9, 4.7);
        Assert.Equal(FieldValue.Of(true), F(p, "ready"));
        Assert.Equal(Point.ToUnixNanoseconds(SampleMessages.T0), p.TimestampNs);
    }

    [Fact]
    public void MetricSamplePoints_NoCompletions_LatencyMeanNotWritable()
    {
        var p = MetricSamplePoints.From(SampleMessages.Metric() with { Completed = 0, Errors = 0, LatencyCounts = [] });

        Assert.False(F(p, "latency_mean_ms").IsWritable);
        Assert.DoesNotContain(p.Fields, f => f.Key == "latency_p99_ms");
        Assert.Equal(0.0, F(p, "error_rate").Float);
    }

    [Fact]
    public void FeatureWindowPoints_From_WindowPointWithNormalizedFieldsAndOnePointPerReplica()
    {
        var points = FeatureWindowPoints.From(SampleMessages.Window()).ToList();

        Assert.Equal([Measurements.FeatureWindow, Measurements.ReplicaFeatures, Measurements.ReplicaFeatures], points.Select(p => p.Measurement));
        Assert.Equal(1.5, F(points[0], "norm_request_rate").Float);
        Assert.Equal(-0.5, F(points[0], "norm_latency_p95").Float);
        Assert.Equal(10.0, F(points[0], "window_s").Float);
        Assert.Equal(Point.ToUnixNanoseconds(SampleMessages.T0.AddSeconds(10)), points[0].TimestampNs);
        Assert.Equal("checkout-2", points[2].Tags["replica"]);
        Assert.Equal(FieldValue.Of(false), F(points[2], "ready"));
    }

    [Fact]
    public void ScaleDecisionPoints_From_ExplanationAndIdAreFieldsAndForecastAndInputsIncluded()
    {
        var p = ScaleDecisionPoints.From(SampleMessages.Scale(), TimeSpan.FromMilliseconds(42));

        Assert.Equal(new Dictionary<string, string> { ["policy"] = "hpa", ["service"] = "checkout" }, p.Tags);
        Assert.Equal(SampleMessages.Scale().Explanation, F(p, "explanation").Text);
        Assert.Equal("hpa:checkout:638999", F(p, "decision_id").Text);
        Assert.Equal(FieldValue.Of(4L), F(p, "desired_replicas"));
        Assert.Equal(FieldValue.Of(2L), F(p, "delta"));
        Assert.Equal(0.9, F(p, "in_utilization").Float);
        Assert.Equal(0.5, F(p, "in_target_utilization").Float);
        Assert.Equal((80.0, 70.0, 95.0), (F(p, "forecast_value").Float, F(p, "forecast_lower").Float, F(p, "forecast_upper").Float));
        Assert.Equal(42.0, F(p, "decision_latency_ms").Float);
        Assert.Equal(1000.0, F(p, "window_lag_ms").Float);
    }

    [Fact]
    public void ScaleDecisionPoints_NoForecastNoLatency_LeavesThoseFieldsOut()
    {
        var p = ScaleDecisionPoints.From(SampleMessages.Scale(withForecast: false));

        Assert.DoesNotContain(p.Fields, f => f.Key.StartsWith("forecast_", StringComparison.Ordinal) || f.Key.StartsWith("shadow_", StringComparison.Ordinal) || f.Key == "decision_latency_ms");
    }

    [Fact]
    public void ScaleDecisionPoints_WithShadow_ShadowPolicyAndReplicasAreFields()
    {
        var p = ScaleDecisionPoints.From(SampleMessages.Scale() with { ShadowPolicy = "hpa", ShadowReplicas = 6 });

        Assert.Equal(("hpa", FieldValue.Of(6L)), (F(p, "shadow_policy").Text, F(p, "shadow_replicas")));
    }

    [Fact]
    public void RouteDecisionPoints_From_WeightPerReplicaWithSharesSummingToOne()
    {
        var points = RouteDecisionPoints.From(SampleMessages.Route()).ToList();

        var weights = points.Where(p => p.Measurement == Measurements.RouteWeight).ToList();
        Assert.Equal(["checkout-1", "checkout-2", "checkout-3"], weights.Select(p => p.Tags["replica"]));
        Assert.Equal([0.75, 0.25, 0.0], weights.Select(p => F(p, "share").Float));
        Assert.Equal([false, false, true], weights.Select(p => F(p, "ejected").Boolean));
        var summary = Assert.Single(points, p => p.Measurement == Measurements.RouteDecision);
        Assert.Equal(FieldValue.Of(1L), F(summary, "ejected"));
        Assert.Equal(0.75, F(summary, "max_share").Float);
    }

    [Fact]
    public void ActuationResultPoints_From_StatusAndReplicas()
    {
        var p = ActuationResultPoints.From(SampleMessages.Actuation());

        Assert.Equal("applied", F(p, "status").Text);
        Assert.Equal((2L, 4L), (F(p, "previous_replicas").Integer, F(p, "applied_replicas").Integer));
        Assert.False(F(p, "failed").Boolean);
        Assert.Equal(["service"], p.Tags.Keys);
    }

    [Fact]
    public void DeadLetterPoints_SameTimestampDifferentOffsets_DistinctTimestamps()
    {
        var a = DeadLetterPoints.From(SampleMessages.Dead(offset: 1));
        var b = DeadLetterPoints.From(SampleMessages.Dead(offset: 2));

        Assert.NotEqual(a.TimestampNs, b.TimestampNs);
        Assert.Equal(new Dictionary<string, string> { ["stage"] = "features", ["topic"] = "pipeline.metrics" }, a.Tags);
        Assert.Equal(SampleMessages.Dead().Reason, F(a, "reason").Text);
    }

    [Fact]
    public void AllMappings_TagKeys_OnlyLowCardinalityDimensions()
    {
        string[] allowed = [TagKeys.Service, TagKeys.Replica, TagKeys.Policy, TagKeys.Topic, TagKeys.Stage];

        var points = AllPoints();

        Assert.All(points, p => Assert.All(p.Tags.Keys, k => Assert.Contains(k, allowed)));
        Assert.All(points, p => Assert.Contains(p.Measurement, Measurements.All));
    }

    internal static List<Point> AllPoints() =>
    [
        MetricSamplePoints.From(SampleMessages.Metric()),
        .. FeatureWindowPoints.From(SampleMessages.Window()),
        ScaleDecisionPoints.From(SampleMessages.Scale(), TimeSpan.FromMilliseconds(5)),
        .. RouteDecisionPoints.From(SampleMessages.Route()),
        ActuationResultPoints.From(SampleMessages.Actuation()),
        DeadLetterPoints.From(SampleMessages.Dead()),
    ];
}
