using System.Text.Json;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;

namespace Pipeline.Contracts.Tests.Schemas;

public sealed class MetricSampleSchemaTests
{
    private static JsonElement Schema()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Schemas", "metric-sample.schema.json");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    [Fact]
    public void Properties_MatchSerializedMetricSample_Exactly()
    {
        var sample = new MetricSample { Service = "s", Replica = "r", Timestamp = DateTimeOffset.UnixEpoch, MemoryBytes = 1 };
        var serialized = JsonSerializer.SerializeToElement(sample, JsonDefaults.Options).EnumerateObject().Select(p => p.Name).Order();

        var declared = Schema().GetProperty("properties").EnumerateObject().Select(p => p.Name).Order();

        Assert.Equal(serialized, declared);
    }

    [Fact]
    public void Required_AreTheRecordsRequiredMembers()
    {
        var required = Schema().GetProperty("required").EnumerateArray().Select(e => e.GetString()).Order();

        Assert.Equal(["replica", "service", "timestamp"], required);
    }

    [Fact]
    public void Example_DeserializesToMetricSample()
    {
        var example = Schema().GetProperty("examples")[0].GetRawText();

        var sample = JsonSerializer.Deserialize<MetricSample>(example, JsonDefaults.Options)!;

        Assert.Equal("checkout", sample.Service);
        Assert.Equal(120, sample.Requests);
    }
}
