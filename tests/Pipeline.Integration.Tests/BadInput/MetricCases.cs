using System.Text;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;

namespace Pipeline.Integration.Tests.BadInput;

/// <summary>
/// Bad records for <c>pipeline.metrics</c>, one per rule of the reader, the record guard and
/// <c>MetricSampleValidator</c>, all keyed by the good service (so they interleave with its samples on one partition).
/// </summary>
internal sealed class MetricCases(string good, DateTimeOffset t0)
{
    private int _n;

    /// <summary>A valid sample of the good service at a second no good sample uses, so each case's bytes are unique.</summary>
    private SampleJson Base() => SampleJson.Valid(good, $"bad-{++_n}", t0.AddSeconds(1 + _n % 20));

    private BadInputCase Case(string kind, string json, string? reason) => Case(kind, Encoding.UTF8.GetBytes(json), reason);
    private BadInputCase Case(string kind, byte[] value, string? reason) => new(kind, TopicNames.Metrics, good, value, reason);
    private BadInputCase Field(string kind, string field, string raw, string reason) => Case(kind, Base().Set(field, raw).Text, reason);

    public IEnumerable<BadInputCase> Malformed()
    {
        yield return Case("truncated JSON", Base().Text[..40], "malformed");
        yield return Case("empty value", [], "empty");
        yield return Case("JSON array", "[1,2,3]", "malformed");
        yield return Case("JSON null", "null", "malformed: value is JSON null");
        yield return Case("JSON string", "\"a sample\"", "malformed");
        yield return Case("binary garbage", [0xFF, 0xFE, 0x00, 0x01, 0x80, 0x7F, 0xC3], "malformed");
        yield return Case("UTF-8 BOM before the JSON", [0xEF, 0xBB, 0xBF, .. Base().Bytes], "malformed");
        yield return Field("requests a string", "requests", "\"ten\"", "malformed");
        yield return Field("service a number", "service", "42", "malformed");
        yield return Field("timestamp not a date", "timestamp", "\"yesterday\"", "malformed");
        yield return Field("requests past Int64", "requests", "99999999999999999999", "malformed");
        yield return Field("utilization past double (1e400, read as Infinity)", "utilization", "1e400", "utilization: must be between 0 and 1");
        yield return Case("service missing", Base().Without("service").Text, "malformed");
        yield return Case("replica missing", Base().Without("replica").Text, "malformed");
        yield return Case("timestamp missing", Base().Without("timestamp").Text, "malformed");
        yield return Case("oversized (70 KiB)", Base().Set("replica", SampleJson.Quote(new string('x', 70_000))).Bytes, "oversized");
    }

    public IEnumerable<BadInputCase> Invalid()
    {
        yield return Field("unknown version", "version", "2", "version: must be 1");
        foreach (var (kind, id, reason) in ServiceIds()) yield return Field(kind, "service", SampleJson.Quote(id), reason);
        yield return Field("replica empty", "replica", "\"\"", "replica: is required");
        yield return Field("replica blank", "replica", "\"   \"", "replica: is required");
        yield return Field("replica over 253 characters", "replica", SampleJson.Quote(new string('r', 254)), "replica: must be at most 253");
        yield return Field("replica with a tab", "replica", SampleJson.Quote("r\t1"), "replica: must not contain control characters");
        yield return Field("timestamp default (year 1)", "timestamp", "\"0001-01-01T00:00:00+00:00\"", "timestamp: is required");
        foreach (var raw in (string[])["0", "-1", "\"NaN\"", "\"Infinity\"", "3601"])
            yield return Field($"intervalSeconds {raw}", "intervalSeconds", raw, "intervalSeconds: must be > 0");
        foreach (var field in (string[])["requests", "completed", "errors", "inFlight"])
            yield return Field($"{field} negative", field, "-1", $"{field}: must be >= 0");
        yield return Case("errors over completed", Base().Set("errors", "11").Text, "errors: must be <= completed");
        foreach (var raw in (string[])["\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "-0.1", "1.5"])
            yield return Field($"utilization {raw}", "utilization", raw, "utilization: must be between 0 and 1");
        yield return Field("latencyCounts null", "latencyCounts", "null", "latencyCounts: must be an array");
        yield return Field("latencyCounts of 3 buckets", "latencyCounts", "[1,2,3]", $"latencyCounts: must have 0 or {LatencyBuckets.Count} entries");
        yield return Field("latencyCounts negative", "latencyCounts", $"[-1{string.Concat(Enumerable.Repeat(",0", LatencyBuckets.Count - 1))}]", "latencyCounts[0]: must be >= 0");
        foreach (var raw in (string[])["\"NaN\"", "\"Infinity\"", "-1"])
            yield return Field($"latencySumMs {raw}", "latencySumMs", raw, "latencySumMs: must be >= 0");
        yield return Field("memoryBytes negative", "memoryBytes", "-1", "memoryBytes: must be >= 0");
    }

    private static IEnumerable<(string Kind, string Id, string Reason)> ServiceIds()
    {
        yield return ("service empty", "", "service: is required");
        yield return ("service ..", "..", "service: must not be only dots");
        yield return ("service .", ".", "service: must not be only dots");
        yield return ("service with /", "a/b", "service: must match");
        yield return ("service ../etc", "../etc", "service: must match");
        yield return ("service with a control character", "svc\u0001x", "service: must match");
        yield return ("service with a newline", "svc\nx", "service: must match");
        yield return ("service with a space", "my svc", "service: must match");
        yield return ("service over 128 characters", new string('s', 129), "service: must be at most 128");
    }
}
