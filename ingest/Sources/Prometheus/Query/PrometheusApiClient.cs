using System.Text.Json;
using Pipeline.Ingest.Sources.Prometheus.Exposition;

namespace Pipeline.Ingest.Sources.Prometheus.Query;

/// <summary>
/// Instant queries against a Prometheus server's HTTP API (<c>GET /api/v1/query</c>). An unreachable server, a time-out,
/// a <c>status=error</c> answer (its <c>errorType</c> and <c>error</c>) or a result that is not an instant vector throws
/// <see cref="PromQueryException"/> with the reason.
/// </summary>
internal sealed class PrometheusApiClient(Uri baseUrl, HttpClient http, TimeSpan timeout)
{
    public async Task<IReadOnlyList<PromSeries>> QueryAsync(string promql)
    {
        var uri = new Uri(baseUrl, "api/v1/query?query=" + Uri.EscapeDataString(promql));
        using var cancel = new CancellationTokenSource(timeout);
        string body;
        int status;
        try
        {
            using var response = await http.GetAsync(uri, cancel.Token).ConfigureAwait(false);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw new PromQueryException($"Prometheus at {baseUrl} did not answer within {timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException e)
        {
            throw new PromQueryException($"Prometheus at {baseUrl} is unreachable: {e.Message}");
        }
        try
        {
            return Parse(body, status);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            throw new PromQueryException($"HTTP {status}: the answer is not a Prometheus instant query result ({e.Message})");
        }
    }

    private static List<PromSeries> Parse(string body, int status)
    {
        JsonDocument json;
        try { json = JsonDocument.Parse(body); }
        catch (JsonException) { throw new PromQueryException($"HTTP {status} without a Prometheus API answer: {body[..Math.Min(body.Length, 200)]}"); }
        using (json)
        {
            var root = json.RootElement;
            if (Text(root, "status") != "success")
                throw new PromQueryException($"Prometheus answered HTTP {status} status=error, {Text(root, "errorType")}: {Text(root, "error")}");
            var data = root.GetProperty("data");
            var type = Text(data, "resultType");
            var result = data.GetProperty("result");
            return type switch
            {
                "vector" => [.. result.EnumerateArray().Select(Series)],
                "scalar" => [new PromSeries(new Dictionary<string, string>(), Value(result))],
                _ => throw new PromQueryException($"expected an instant vector, got a {type}"),
            };
        }
    }

    private static PromSeries Series(JsonElement element)
    {
        var labels = element.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
        return new PromSeries(labels, Value(element.GetProperty("value")));
    }

    private static double Value(JsonElement pair) => ExpositionParser.ParseValue(pair[1].GetString() ?? "NaN");

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
