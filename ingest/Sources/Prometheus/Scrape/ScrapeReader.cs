using Pipeline.Ingest.Sources.Prometheus.Exposition;

namespace Pipeline.Ingest.Sources.Prometheus.Scrape;

/// <summary>Scrapes every target's text exposition in parallel, each within the time-out; an unreachable or failing target is reported and skipped.</summary>
internal sealed class ScrapeReader(PrometheusSourceOptions options, HttpClient http, ProblemReporter problems) : IReadingReader
{
    private readonly ScrapeExtractor _extractor = new(options.Selectors);

    public ReadResult Read()
    {
        var texts = Task.WhenAll(options.Targets.Select(FetchAsync)).GetAwaiter().GetResult();
        var readings = new List<ReplicaReading>();
        var failed = new List<string>();
        for (var i = 0; i < texts.Length; i++)
        {
            var target = options.Targets[i];
            if (texts[i] is not { } text) { failed.Add(target.Replica); continue; }
            var document = ExpositionParser.Parse(text);
            problems.Malformed(target.Replica, document.Problems);
            readings.Add(_extractor.Extract(target.Replica, document));
        }
        return new ReadResult(readings, failed);
    }

    private async Task<string?> FetchAsync(ScrapeTarget target)
    {
        using var timeout = new CancellationTokenSource(options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, target.Url);
            request.Headers.Accept.ParseAdd("text/plain;version=0.0.4");
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return body;
            problems.ScrapeFailed(target.Replica, target.Url, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}: {Shorten(body)}");
        }
        catch (OperationCanceledException)
        {
            problems.ScrapeFailed(target.Replica, target.Url, $"no answer within {options.Timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException e)
        {
            problems.ScrapeFailed(target.Replica, target.Url, e.Message);
        }
        return null;
    }

    private static string Shorten(string text) => text.Length <= 200 ? text.Trim() : text[..200].Trim() + "…";
}
