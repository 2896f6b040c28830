using System.Text.Json;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;

namespace Pipeline.Contracts.Tests.Serialization;

public sealed class FeatureWindowJsonTests
{
    private static readonly DateTimeOffset T = new(2026, 1, 1, 0, 0, 15, TimeSpan.Zero);

    public static TheoryData<FeatureWindow> Windows() =>
    [
        new() { Service = "web", WindowStart = T.AddSeconds(-15), WindowEnd = T },
        Rich(),
        new() { Service = null!, WindowStart = default, WindowEnd = DateTimeOffset.MaxValue, Normalized = null!, ReplicaFeatures = null! },
        new() { Service = "", WindowStart = T, WindowEnd = T, ReplicaFeatures = [null!, new() { Replica = null! }], Normalized = new Dictionary<string, double>() },
        new() { Service = "s", WindowStart = T, WindowEnd = T, Normalized = new SortedList<string, double> { ["b"] = 1, ["a"] = double.NegativeInfinity } },
        new() { Service = "s", WindowStart = T, WindowEnd = T, Normalized = Scores(("utilization", 0.25), ("requestRate", double.NaN), ("ключ", -1e-7)) },
        new() { Service = "s", WindowStart = T, WindowEnd = T, Normalized = ScoreMap.Empty },
    ];

    private static ScoreMap Scores(params (string Key, double Value)[] pairs)
    {
        var map = new ScoreMap(pairs.Length);
        foreach (var (key, value) in pairs) map.Add(key, value);
        return map;
    }

    private static FeatureWindow Rich() => new()
    {
        Service = "svc-é\"\\\n<日本>😀", WindowStart = T.AddSeconds(-15).ToOffset(TimeSpan.FromHours(-5)), WindowEnd = T.AddTicks(1234567),
        Version = 2, SampleCount = 7, Replicas = 2, ReadyReplicas = 1, RequestRate = 0.1 + 0.2, Throughput = double.PositiveInfinity,
        ErrorRate = double.NegativeInfinity, Utilization = 1e-300, InFlight = -3, LatencyMeanMs = double.MaxValue, LatencyP50Ms = double.Epsilon,
        LatencyP95Ms = -0.0, LatencyP99Ms = 123456789.125,
        Normalized = new Dictionary<string, double> { ["requestRate"] = 1.5, ["utilization"] = double.NaN, ["ключ \"q\""] = -2e21 },
        ReplicaFeatures =
        [
            new() { Replica = "r-0", Ready = false, RequestRate = 1 / 3.0, LatencyP99Ms = 5 },
            new() { Replica = "r-1 ü", Throughput = double.NaN, ErrorRate = 0.5, Utilization = 0.7333333333333333, InFlight = 9, LatencyMeanMs = double.PositiveInfinity },
        ],
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public void Writes_the_same_bytes_as_the_serializer(FeatureWindow window) =>
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(window, JsonDefaults.Options), FeatureWindowJson.Serialize(window));

    [Theory]
    [MemberData(nameof(Windows))]
    public void The_serde_writes_a_window_through_it(FeatureWindow window) =>
        Assert.Equal(FeatureWindowJson.Serialize(window), JsonSerde<FeatureWindow>.Instance.Serialize(window, default));

    [Fact]
    public void Round_trips_through_the_serde_with_named_literals()
    {
        var window = Rich();
        var back = JsonSerde<FeatureWindow>.Instance.Deserialize(FeatureWindowJson.Serialize(window), false, default);
        Assert.Equal(window.Service, back.Service);
        Assert.Equal(window.WindowStart, back.WindowStart);
        Assert.Equal(double.PositiveInfinity, back.Throughput);
        Assert.Equal(double.NegativeInfinity, back.ErrorRate);
        Assert.True(double.IsNaN(back.Normalized["utilization"]));
        Assert.Equal(window.ReplicaFeatures.Select(r => r.Replica), back.ReplicaFeatures.Select(r => r.Replica));
        Assert.Equal(1 / 3.0, back.ReplicaFeatures[0].RequestRate);
    }

    [Fact]
    public void Consecutive_windows_do_not_share_bytes()
    {
        var small = FeatureWindowJson.Serialize(new FeatureWindow { Service = "a", WindowStart = T, WindowEnd = T });
        var large = FeatureWindowJson.Serialize(new FeatureWindow { Service = new string('x', 5000), WindowStart = T, WindowEnd = T });
        var again = FeatureWindowJson.Serialize(new FeatureWindow { Service = "a", WindowStart = T, WindowEnd = T });
        var huge = new FeatureWindow { Service = new string('y', 100_000), WindowStart = T, WindowEnd = T };
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(huge, JsonDefaults.Options), FeatureWindowJson.Serialize(huge));
        var afterHuge = FeatureWindowJson.Serialize(new FeatureWindow { Service = "a", WindowStart = T, WindowEnd = T });
        Assert.Equal(small, again);
        Assert.Equal(small, afterHuge);
        Assert.True(large.Length > 5000);
    }
}
