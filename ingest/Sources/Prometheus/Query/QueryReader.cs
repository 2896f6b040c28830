using Pipeline.Ingest.Sources.Prometheus.Exposition;

namespace Pipeline.Ingest.Sources.Prometheus.Query;

/// <summary>
/// Runs every field's PromQL in parallel and groups the answers by the replica label. A failed query is reported once
/// with Prometheus' reason; a replica present in some answers but absent from a field's answer has that series missing.
/// </summary>
internal sealed class QueryReader(PrometheusSourceOptions options, PrometheusApiClient client, ProblemReporter problems) : IReadingReader
{
    private readonly (string Field, string Query)[] _queries = [.. new[]
    {
        (CounterKeys.Requests, options.Queries.Requests), (CounterKeys.Errors, options.Queries.Errors),
        ("latency_buckets", options.Queries.LatencyBuckets), (CounterKeys.LatencySum, options.Queries.LatencySum),
        ("utilization", options.Queries.Utilization), ("in_flight", options.Queries.InFlight), ("ready", options.Queries.Ready),
    }.Where(q => !string.IsNullOrWhiteSpace(q.Item2)).Select(q => (q.Item1, q.Item2.Replace("$replica", options.ReplicaLabel, StringComparison.Ordinal)))];

    public ReadResult Read()
    {
        var answers = Task.WhenAll(_queries.Select(q => RunAsync(q.Field, q.Query))).GetAwaiter().GetResult();
        var readings = new SortedDictionary<string, ReplicaReading>(StringComparer.Ordinal);
        foreach (var series in answers.Where(a => a is not null).SelectMany(a => a!))
        {
            var replica = series.Label(options.ReplicaLabel);
            if (!readings.ContainsKey(replica)) readings[replica] = new ReplicaReading(replica);
        }
        for (var i = 0; i < _queries.Length; i++)
        {
            if (answers[i] is not { } answer) continue;
            var byReplica = answer.ToLookup(s => s.Label(options.ReplicaLabel));
            foreach (var reading in readings.Values)
            {
                var series = byReplica[reading.Replica].Where(s => !double.IsNaN(s.Value)).ToList();
                if (series.Count > 0) Apply(reading, _queries[i].Field, series);
                // A replica with requests but no error series has had no failures: clients create labelled series lazily.
                else if (_queries[i].Field == CounterKeys.Errors && reading.Counters.ContainsKey(CounterKeys.Requests)) reading.Counters[CounterKeys.Errors] = 0;
                else reading.Missing.Add(_queries[i].Field);
            }
        }
        var requestsFailed = _queries.Length == 0 || (_queries[0].Field == CounterKeys.Requests && answers[0] is null);
        return new ReadResult([.. readings.Values], [], requestsFailed);
    }

    private static void Apply(ReplicaReading reading, string field, List<PromSeries> series)
    {
        switch (field)
        {
            case "latency_buckets":
                foreach (var bucket in series.Where(s => s.Label("le").Length > 0).GroupBy(s => ExpositionParser.ParseValue(s.Label("le"))))
                    reading.Buckets[bucket.Key] = bucket.Sum(s => s.Value);
                break;
            case "utilization": reading.Utilization = series.Sum(s => s.Value); break;
            case "in_flight": reading.InFlight = series.Sum(s => s.Value); break;
            case "ready": reading.Ready = series.Max(s => s.Value) > 0; break;
            default: reading.Counters[field] = series.Sum(s => s.Value); break;
        }
    }

    private async Task<IReadOnlyList<PromSeries>?> RunAsync(string field, string query)
    {
        try
        {
            return await client.QueryAsync(query).ConfigureAwait(false);
        }
        catch (PromQueryException e)
        {
            problems.QueryFailed(field, query, e.Message);
            return null;
        }
    }
}
