using Pipeline.Contracts.Messages;

namespace Pipeline.Contracts.Tests.Messages;

public sealed class ScoreMapTests
{
    [Fact]
    public void Holds_its_scores_in_insertion_order_and_finds_them_by_name()
    {
        var map = new ScoreMap(3);
        map.Add("utilization", 0.5);
        map.Add("requestRate", double.NaN);

        Assert.Equal(2, map.Count);
        Assert.Equal(["utilization", "requestRate"], map.Keys);
        Assert.Equal(new KeyValuePair<string, double>("requestRate", double.NaN), map.At(1));
        Assert.Equal(0.5, map["utilization"]);
        Assert.True(map.TryGetValue("requestRate", out var rate) && double.IsNaN(rate));
        Assert.False(map.ContainsKey("errorRate"));
        Assert.False(map.ContainsKey("Utilization")); // ordinal, as the dictionary it replaces
        Assert.Throws<KeyNotFoundException>(() => map["errorRate"]);
        Assert.Throws<ArgumentOutOfRangeException>(() => map.At(2));
    }

    [Fact]
    public void Refuses_a_repeated_key_and_a_score_past_its_room()
    {
        var map = new ScoreMap(1);
        map.Add("a", 1);

        Assert.Throws<ArgumentException>(() => map.Add("a", 2));
        Assert.Throws<InvalidOperationException>(() => map.Add("b", 2));
        Assert.Throws<InvalidOperationException>(() => ScoreMap.Empty.Add("a", 1));
        Assert.Single(map);
        Assert.Empty(ScoreMap.Empty);
    }
}
