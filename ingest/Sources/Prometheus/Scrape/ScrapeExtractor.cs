using Pipeline.Ingest.Sources.Prometheus.Exposition;

namespace Pipeline.Ingest.Sources.Prometheus.Scrape;

/// <summary>Reads the configured fields of one replica out of its parsed exposition; a field whose series are absent is listed as missing.</summary>
internal sealed class ScrapeExtractor(ScrapeSelectors selectors)
{
    private readonly SeriesSelector? _requests = Optional(selectors.Requests);
    private readonly SeriesSelector? _errors = Optional(selectors.Errors);
    private readonly SeriesSelector? _latency = Optional(selectors.LatencyHistogram);
    private readonly SeriesSelector? _cpu = Optional(selectors.CpuSeconds);
    private readonly SeriesSelector? _inFlight = Optional(selectors.InFlight);
    private readonly SeriesSelector? _ready = Optional(selectors.Ready);

    public ReplicaReading Extract(string replica, ExpositionDocument document)
    {
        var reading = new ReplicaReading(replica);
        Counter(reading, document, _requests, CounterKeys.Requests, selectors.Requests);
        Counter(reading, document, _errors, CounterKeys.Errors, selectors.Errors);
        Counter(reading, document, _cpu, CounterKeys.CpuSeconds, selectors.CpuSeconds);
        if (_latency is not null)
        {
            foreach (var bucket in document.Samples.Where(s => _latency.Matches(s, "_bucket")).GroupBy(s => s.Label("le")))
            {
                if (bucket.Key.Length == 0) continue;
                var upper = ExpositionParser.ParseValue(bucket.Key);
                reading.Buckets[upper] = bucket.Sum(s => s.Value);
            }
            if (reading.Buckets.Count == 0) reading.Missing.Add(selectors.LatencyHistogram + "_bucket");
            Counter(reading, document, _latency, CounterKeys.LatencySum, selectors.LatencyHistogram + "_sum", "_sum");
        }
        reading.InFlight = Sum(reading, document, _inFlight, selectors.InFlight);
        reading.Ready = _ready is null ? true : Sum(reading, document, _ready, selectors.Ready) is { } r ? r > 0 : null;
        return reading;
    }

    private static void Counter(ReplicaReading reading, ExpositionDocument document, SeriesSelector? selector, string key, string text, string suffix = "")
    {
        if (Sum(reading, document, selector, text, suffix) is { } value) reading.Counters[key] = value;
    }

    private static double? Sum(ReplicaReading reading, ExpositionDocument document, SeriesSelector? selector, string text, string suffix = "")
    {
        if (selector is null) return null;
        var matching = document.Samples.Where(s => selector.Matches(s, suffix)).ToList();
        if (matching.Count > 0) return matching.Sum(s => s.Value);
        // Series of the metric exist but none passes the matchers (e.g. no 5xx yet: clients create labelled series lazily).
        if (document.Samples.Any(s => s.Name.Length == selector.Name.Length + suffix.Length && s.Name.StartsWith(selector.Name, StringComparison.Ordinal) && s.Name.EndsWith(suffix, StringComparison.Ordinal))) return 0;
        reading.Missing.Add(text);
        return null;
    }

    private static SeriesSelector? Optional(string text) => string.IsNullOrWhiteSpace(text) ? null : SeriesSelector.Parse(text);
}
