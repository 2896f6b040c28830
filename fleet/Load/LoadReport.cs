using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Fleet.Load;

/// <summary>A <see cref="LoadResult"/> as text lines for a terminal and as a JSON file.</summary>
public static class LoadReport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The end-of-run report: counts, errors by kind, latencies, SLO misses, schedule lag and any warning.</summary>
    public static IEnumerable<string> Lines(LoadResult r)
    {
        yield return $"loadgen {r.Url}: {r.DurationSeconds:0.0} s, arrivals {r.Arrivals}, sent {r.Sent}, ok {r.Ok}, errors {r.Errors}, " +
            $"not sent (client saturated) {r.NotSentSaturated}";
        if (r.ErrorsByKind.Count > 0) yield return "  errors: " + string.Join(", ", r.ErrorsByKind.Select(e => $"{e.Key} {e.Value}"));
        yield return "  latency from scheduled send (ms): " + Format(r.FromScheduled);
        yield return "  latency from actual send (ms):    " + Format(r.FromSent);
        var share = r.Ok == 0 ? 0 : 100.0 * r.SlowerThanSlo / r.Ok;
        yield return $"  slower than the SLO ({r.SloMs:0} ms): {r.SlowerThanSlo} ({share:0.###}% of ok)";
        yield return $"  schedule lag (ms): p50 {r.ScheduleLag.P50:0.00} p99 {r.ScheduleLag.P99:0.00} max {r.ScheduleLag.Max:0.00}";
        foreach (var w in r.Warnings) yield return w;
    }

    /// <summary>Writes the whole result, per-second series included, as indented JSON (camelCase).</summary>
    public static void WriteJson(string path, LoadResult result)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        File.WriteAllText(path, JsonSerializer.Serialize(result, Json));
    }

    private static string Format(LatencySummary s) =>
        $"p50 {s.P50:0.0} p95 {s.P95:0.0} p99 {s.P99:0.0} avg {s.Avg:0.0} max {s.Max:0.0} (n {s.Count})";
}
