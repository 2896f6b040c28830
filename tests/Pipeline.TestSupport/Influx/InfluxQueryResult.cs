using System.Text.Json;

namespace Pipeline.TestSupport.Influx;

/// <summary>Turns the v1 <c>/query</c> JSON answer into rows; an error anywhere in it becomes an exception.</summary>
internal static class InfluxQueryResult
{
    /// <summary>Rows of every statement and series in <paramref name="json"/>.</summary>
    public static IReadOnlyList<InfluxRow> Parse(string json, string query)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (root.TryGetProperty("error", out var topError))
            throw new InvalidOperationException($"InfluxQL '{query}' failed: {topError.GetString()}");
        var rows = new List<InfluxRow>();
        if (!root.TryGetProperty("results", out var results)) return rows;
        foreach (var result in results.EnumerateArray())
        {
            if (result.TryGetProperty("error", out var error))
                throw new InvalidOperationException($"InfluxQL '{query}' failed: {error.GetString()}");
            if (!result.TryGetProperty("series", out var series)) continue;
            foreach (var s in series.EnumerateArray()) rows.AddRange(ReadSeries(s));
        }
        return rows;
    }

    private static IEnumerable<InfluxRow> ReadSeries(JsonElement series)
    {
        var name = series.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
        var tags = new Dictionary<string, string>();
        if (series.TryGetProperty("tags", out var t))
            foreach (var tag in t.EnumerateObject()) tags[tag.Name] = tag.Value.GetString() ?? "";
        var columns = series.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? "").ToArray();
        if (!series.TryGetProperty("values", out var values)) yield break;
        foreach (var value in values.EnumerateArray())
        {
            var cells = new Dictionary<string, JsonElement>();
            var i = 0;
            foreach (var cell in value.EnumerateArray()) cells[columns[i++]] = cell.Clone();
            yield return new InfluxRow(name, tags, cells);
        }
    }
}
