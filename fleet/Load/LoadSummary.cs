namespace Pipeline.Fleet.Load;

/// <summary>Turns a run's outcomes into a <see cref="LoadResult"/>: counts, latency summaries, SLO misses, schedule lag, per-second series.</summary>
internal static class LoadSummary
{
    public static LoadResult Build(LoadOptions options, TimeSpan elapsed,
        (List<RequestOutcome> Outcomes, long[] Arrivals, long[] NotSent, long ArrivalCount, long NotSentCount) run)
    {
        var outcomes = run.Outcomes;
        var ok = outcomes.Where(o => o.Error is null).ToList();
        var sloMs = options.Slo.TotalMilliseconds;
        var lag = Percentiles.Summarize(outcomes.Select(o => o.LagMs).ToList());
        var warnings = new List<string>();
        if (lag.P99 > options.LagWarning.TotalMilliseconds)
        {
            warnings.Add($"WARNING: the generator could not keep up with the schedule: send lag p99 {lag.P99:0.0} ms > " +
                $"{options.LagWarning.TotalMilliseconds:0} ms (max {lag.Max:0.0} ms); latencies from the scheduled time include it");
        }
        if (run.NotSentCount > 0)
        {
            warnings.Add($"WARNING: {run.NotSentCount} arrivals not sent: client saturated ({options.MaxInFlight} requests in flight)");
        }
        return new LoadResult
        {
            Url = options.Url.ToString(),
            DurationSeconds = elapsed.TotalSeconds,
            Arrivals = run.ArrivalCount,
            Sent = outcomes.Count,
            Ok = ok.Count,
            Errors = outcomes.Count - ok.Count,
            NotSentSaturated = run.NotSentCount,
            ErrorsByKind = outcomes.Where(o => o.Error is not null).GroupBy(o => o.Error!, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal),
            FromScheduled = Percentiles.Summarize(ok.Select(o => o.FromScheduledMs).ToList()),
            FromSent = Percentiles.Summarize(ok.Select(o => o.FromSentMs).ToList()),
            SlowerThanSlo = ok.Count(o => o.FromScheduledMs > sloMs),
            SloMs = sloMs,
            ScheduleLag = lag,
            Series = Series(outcomes, run.Arrivals, run.NotSent),
            Warnings = warnings,
        };
    }

    private static List<SecondStats> Series(List<RequestOutcome> outcomes, long[] arrivals, long[] notSent)
    {
        var bySecond = outcomes.ToLookup(o => (int)o.Scheduled.TotalSeconds);
        var series = new List<SecondStats>(arrivals.Length);
        for (var s = 0; s < arrivals.Length; s++)
        {
            var ok = bySecond[s].Where(o => o.Error is null).Select(o => o.FromScheduledMs).ToList();
            ok.Sort();
            series.Add(new SecondStats(s, arrivals[s], ok.Count, bySecond[s].Count(o => o.Error is not null), notSent[s],
                Percentiles.At(ok, 0.5), Percentiles.At(ok, 0.99)));
        }
        return series;
    }
}
