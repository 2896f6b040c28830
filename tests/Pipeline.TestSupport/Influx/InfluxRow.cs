using System.Globalization;
using System.Text.Json;

namespace Pipeline.TestSupport.Influx;

/// <summary>One row of an InfluxQL result: the series it belongs to, its group-by tags and its column values.</summary>
public sealed record InfluxRow(string Series, IReadOnlyDictionary<string, string> Tags, IReadOnlyDictionary<string, JsonElement> Values)
{
    /// <summary>Whether the column exists and is not null.</summary>
    public bool Has(string column) => Values.TryGetValue(column, out var v) && v.ValueKind != JsonValueKind.Null;

    /// <summary>A numeric column as double.</summary>
    public double GetDouble(string column) => Values[column].GetDouble();

    /// <summary>An integer column (also the <c>time</c> column with <c>epoch=ns</c>).</summary>
    public long GetLong(string column) => Values[column].GetInt64();

    /// <summary>A string column.</summary>
    public string GetString(string column) => Values[column].GetString() ?? "";

    /// <summary>A boolean column.</summary>
    public bool GetBool(string column) => Values[column].GetBoolean();

    /// <summary>Row time in nanoseconds since the Unix epoch (queries run with <c>epoch=ns</c>).</summary>
    public long TimeNs => GetLong("time");

    public override string ToString() =>
        Series + " " + string.Join(",", Tags.Select(t => $"{t.Key}={t.Value}")) + " " +
        string.Join(",", Values.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key}={v.Value.GetRawText()}")));
}
