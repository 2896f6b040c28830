using Pipeline.Sink.Influx;
using Pipeline.Sink.Mapping;
using Pipeline.TestSupport.Influx;
using Xunit;

namespace Pipeline.Sink.Tests.Mapping;

/// <summary>Every mapped point is accepted by a real influxd, with consistent field types across messages.</summary>
public sealed class MappingInfluxTests(InfluxServer influx) : IClassFixture<InfluxServer>
{
    [Fact]
    public async Task WriteAsync_EveryMessageTypeTwiceWithEdgeValues_NoFailuresAndExplanationStoredAsField()
    {
        var failures = new List<InfluxWriteFailure>();
        await using (var writer = new InfluxWriter(new InfluxWriterOptions { Url = influx.Url, Database = influx.Database, OnFailure = failures.Add }))
        {
            await writer.WriteAsync(MappingTests.AllPoints());
            await writer.WriteAsync(MetricSamplePoints.From(SampleMessages.Metric(utilization: 1) with { Timestamp = SampleMessages.T0.AddSeconds(1), Completed = 0, LatencyCounts = [] }));
            await writer.WriteAsync(ScaleDecisionPoints.From(SampleMessages.Scale(withForecast: false) with { Timestamp = SampleMessages.T0.AddSeconds(30) }));
            await writer.FlushAsync();
            Assert.Empty(failures);
            Assert.Equal(0, writer.Stats.PointsFailed);
        }

        var rows = await influx.QueryAsync("SELECT explanation, desired_replicas FROM scale_decision WHERE service = 'checkout' ORDER BY time");
        Assert.Equal(2, rows.Count);
        Assert.Equal(SampleMessages.Scale().Explanation, rows[0].GetString("explanation"));
        var tagKeys = await influx.QueryAsync("SHOW TAG KEYS FROM scale_decision");
        Assert.Equal(["policy", "service"], tagKeys.Select(r => r.GetString("tagKey")));
    }
}
