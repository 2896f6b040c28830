using Pipeline.Contracts.Topics;

namespace Pipeline.Integration.Tests.BadInput;

/// <summary>
/// Valid samples the windowing rules reject (duplicate, late, ancient, too far ahead, over the replica cap) and valid
/// edge values that must be counted.
/// </summary>
internal sealed class WindowingCases(string good, DateTimeOffset t0)
{
    /// <summary>The service of the valid edge-value sample (it gets windowing state).</summary>
    public const string Edge = "corpus-edge";

    public IEnumerable<BadInputCase> Anytime()
    {
        yield return Case("timestamp a year ahead", SampleJson.Valid(good, "r1", t0.AddDays(365)), "too far ahead");
        yield return Case("timestamp 10 min ahead", SampleJson.Valid(good, "r2", t0.AddMinutes(10)), "too far ahead");
        var edge = SampleJson.Valid(Edge, "e1", t0.AddSeconds(1)).Set("utilization", "1").Set("requests", "0").Set("completed", "0")
            .Set("unknownField", "{\"nested\":[1,2]}").Set("memoryBytes", "0");
        yield return new("edge values and an unknown field", TopicNames.Metrics, Edge, edge.Bytes, null);
    }

    /// <summary>A second sample of replica r1 at 5 s (other values), sent after the first.</summary>
    public BadInputCase Duplicate() => Case("duplicate sample", SampleJson.Valid(good, "r1", t0.AddSeconds(5)).Set("requests", "11"), "duplicate");

    /// <summary>Samples for windows already closed once the good service's watermark passed 35 s.</summary>
    public IEnumerable<BadInputCase> AfterWatermark()
    {
        yield return Case("late sample", SampleJson.Valid(good, "r2", t0.AddSeconds(3)).Set("requests", "12"), "late");
        yield return Case("ancient timestamp (1970)", SampleJson.Valid(good, "r2", DateTimeOffset.UnixEpoch.AddSeconds(1)), "late");
    }

    /// <summary>The 1,001st replica of one window (the default cap is 1,000).</summary>
    public BadInputCase ReplicaOverLimit(string service) =>
        new("1,001st replica in one window", TopicNames.Metrics, service, SampleJson.Valid(service, "big-1000", t0.AddSeconds(1)).Bytes, "limit: window");

    private BadInputCase Case(string kind, SampleJson sample, string reason) => new(kind, TopicNames.Metrics, good, sample.Bytes, reason);
}
