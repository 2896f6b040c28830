namespace Pipeline.Ingest.Sources.Prometheus;

/// <summary>
/// What went wrong (and how often) while the <c>prometheus</c> source collected; exported on the stage's <c>/metrics</c> as
/// <c>pipeline_prometheus_source_problems_total{problem}</c> and <c>pipeline_prometheus_source_samples_total</c>. Thread-safe.
/// </summary>
public sealed class PrometheusSourceStats
{
    private long _scrapeFailures, _queryFailures, _missingSeries, _absentReplicas, _counterResets, _malformedLines, _samples;

    /// <summary>Targets that could not be scraped (unreachable, timed out, non-2xx).</summary>
    public long ScrapeFailures => Interlocked.Read(ref _scrapeFailures);

    /// <summary>Queries that failed (unreachable server, time-out, <c>status=error</c>).</summary>
    public long QueryFailures => Interlocked.Read(ref _queryFailures);

    /// <summary>Configured fields whose series a replica lacked in a collection.</summary>
    public long MissingSeries => Interlocked.Read(ref _missingSeries);

    /// <summary>Replicas that were reported before and vanished from the results (counted once per disappearance).</summary>
    public long AbsentReplicas => Interlocked.Read(ref _absentReplicas);

    /// <summary>Counters that went down (a restarted replica); their increase was taken as the new value.</summary>
    public long CounterResets => Interlocked.Read(ref _counterResets);

    /// <summary>Exposition lines that could not be parsed (skipped).</summary>
    public long MalformedLines => Interlocked.Read(ref _malformedLines);

    /// <summary>Samples produced.</summary>
    public long Samples => Interlocked.Read(ref _samples);

    internal void AddScrapeFailure() => Interlocked.Increment(ref _scrapeFailures);
    internal void AddQueryFailure() => Interlocked.Increment(ref _queryFailures);
    internal void AddMissingSeries() => Interlocked.Increment(ref _missingSeries);
    internal void AddAbsentReplica() => Interlocked.Increment(ref _absentReplicas);
    internal void AddCounterReset() => Interlocked.Increment(ref _counterResets);
    internal void AddMalformedLines(int count) => Interlocked.Add(ref _malformedLines, count);
    internal void AddSamples(int count) => Interlocked.Add(ref _samples, count);
}
