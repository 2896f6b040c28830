using Pipeline.Contracts.Messages;

namespace Pipeline.Ingest.Sources.Prometheus;

/// <summary>
/// Turns successive <see cref="ReplicaReading"/>s of each replica into per-interval <see cref="MetricSample"/>s: counter
/// increases (resets handled by <see cref="CounterDeltas"/>), the latency histogram mapped onto <see cref="LatencyBuckets"/>,
/// gauges as read. A replica's first reading is its baseline (no sample); a reading without the requests counter is
/// skipped whole, so the next one covers the gap with its longer interval.
/// </summary>
internal sealed class SampleAssembler(PrometheusSourceOptions options, ProblemReporter problems)
{
    private readonly CounterDeltas _deltas = new();
    private readonly Dictionary<string, DateTimeOffset> _lastSeen = new(StringComparer.Ordinal);

    public MetricSample? Next(ReplicaReading reading, DateTimeOffset now)
    {
        if (!reading.Counters.ContainsKey(CounterKeys.Requests)) return null;
        var replica = reading.Replica;
        var first = !_lastSeen.TryGetValue(replica, out var previous);
        if (!first && now <= previous) return null;
        _lastSeen[replica] = now;
        var increases = Counters(reading);
        var buckets = Buckets(reading);
        if (first) return null;
        var interval = (now - previous).TotalSeconds;
        var requests = (long)Math.Round(increases.GetValueOrDefault(CounterKeys.Requests));
        var cpu = increases.TryGetValue(CounterKeys.CpuSeconds, out var c) ? c / interval / options.CpuCores : (double?)null;
        return new MetricSample
        {
            Service = options.Service,
            Replica = replica,
            Timestamp = now,
            IntervalSeconds = interval,
            Requests = requests,
            Completed = requests,
            Errors = Math.Min(requests, (long)Math.Round(increases.GetValueOrDefault(CounterKeys.Errors))),
            Utilization = Math.Clamp(reading.Utilization ?? cpu ?? 0, 0, 1),
            InFlight = (int)Math.Max(0, Math.Round(reading.InFlight ?? 0)),
            Ready = reading.Ready ?? true,
            LatencyCounts = buckets.Count == 0 ? [] : LatencyHistogramMapper.Map(buckets, options.LatencyToMs),
            LatencySumMs = increases.GetValueOrDefault(CounterKeys.LatencySum) * options.LatencyToMs,
        };
    }

    private Dictionary<string, double> Counters(ReplicaReading reading)
    {
        var increases = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var key in (string[])[CounterKeys.Requests, CounterKeys.Errors, CounterKeys.LatencySum, CounterKeys.CpuSeconds])
        {
            var id = $"{reading.Replica}|{key}";
            if (!reading.Counters.TryGetValue(key, out var value)) { _deltas.Forget(id); continue; }
            if (Advance(reading.Replica, id, key, value) is { } increase) increases[key] = increase;
        }
        return increases;
    }

    private List<(double, double)> Buckets(ReplicaReading reading)
    {
        var prefix = $"{reading.Replica}|bucket:";
        if (reading.Buckets.Count == 0) { _deltas.ForgetPrefix(prefix); return []; }
        var increases = new List<(double, double)>();
        foreach (var (upper, cumulative) in reading.Buckets)
        {
            var key = CounterKeys.Bucket(upper);
            if (Advance(reading.Replica, $"{reading.Replica}|{key}", key, cumulative) is { } increase) increases.Add((upper, increase));
        }
        return increases;
    }

    private double? Advance(string replica, string id, string counter, double value)
    {
        var increase = _deltas.Advance(id, value, out var resetFrom);
        if (resetFrom is { } from) problems.CounterReset(replica, counter, from, value);
        return increase;
    }
}
