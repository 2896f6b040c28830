using System.Globalization;
using System.Text;

namespace Pipeline.Integration.Tests.BadInput;

/// <summary>A metric sample as raw JSON fields, so a test can break any one of them (wrong type, NaN, missing, ...).</summary>
internal sealed class SampleJson
{
    private readonly List<KeyValuePair<string, string>> _fields = [];

    public static SampleJson Valid(string service, string replica, DateTimeOffset at) => new SampleJson()
        .Set("version", "1").Set("service", Quote(service)).Set("replica", Quote(replica))
        .Set("timestamp", Quote(at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))).Set("intervalSeconds", "1")
        .Set("requests", "10").Set("completed", "10").Set("errors", "0").Set("utilization", "0.5").Set("inFlight", "1")
        .Set("ready", "true").Set("latencySumMs", "0");

    /// <summary>Sets <paramref name="field"/> to the raw JSON <paramref name="raw"/> (a string needs its quotes).</summary>
    public SampleJson Set(string field, string raw)
    {
        _fields.RemoveAll(f => f.Key == field);
        _fields.Add(new(field, raw));
        return this;
    }

    public SampleJson Without(string field)
    {
        _fields.RemoveAll(f => f.Key == field);
        return this;
    }

    public string Text => "{" + string.Join(",", _fields.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";

    public byte[] Bytes => Encoding.UTF8.GetBytes(Text);

    /// <summary>A JSON string literal of <paramref name="value"/> (control characters escaped, as a producer would).</summary>
    public static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
