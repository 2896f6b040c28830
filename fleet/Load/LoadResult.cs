namespace Pipeline.Fleet.Load;

/// <summary>What one load run measured. Latencies are in milliseconds, over successful (2xx) responses.</summary>
public sealed record LoadResult
{
    public required string Url { get; init; }
    public required double DurationSeconds { get; init; }

    /// <summary>Arrivals the schedule produced (sent plus not sent).</summary>
    public required long Arrivals { get; init; }
    public required long Sent { get; init; }
    public required long Ok { get; init; }
    public required long Errors { get; init; }

    /// <summary>Arrivals not sent because <see cref="LoadOptions.MaxInFlight"/> requests were outstanding.</summary>
    public required long NotSentSaturated { get; init; }

    /// <summary>Errors by kind: <c>http 500</c>, <c>connection refused</c>, <c>timeout</c>, ...</summary>
    public required IReadOnlyDictionary<string, long> ErrorsByKind { get; init; }

    /// <summary>Latency measured from the scheduled send time (what an open-loop client experiences).</summary>
    public required LatencySummary FromScheduled { get; init; }

    /// <summary>Latency measured from the actual send time (what the server and network added).</summary>
    public required LatencySummary FromSent { get; init; }

    /// <summary>Successful responses slower than the SLO, from the scheduled send time.</summary>
    public required long SlowerThanSlo { get; init; }
    public required double SloMs { get; init; }

    /// <summary>How far actual send times lagged the schedule, over every sent request.</summary>
    public required LatencySummary ScheduleLag { get; init; }

    /// <summary>One entry per wall second of the run, by scheduled arrival time.</summary>
    public required IReadOnlyList<SecondStats> Series { get; init; }

    /// <summary>Conditions that make the numbers doubtful (e.g. the generator could not keep up with the schedule).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}

/// <summary>Latency percentiles and average in milliseconds; zero when nothing was measured.</summary>
public sealed record LatencySummary(long Count, double P50, double P95, double P99, double Avg, double Max);

/// <summary>One wall second: arrivals scheduled in it, and what became of them (latencies from the scheduled time).</summary>
public sealed record SecondStats(int Second, long Arrivals, long Ok, long Errors, long NotSent, double P50, double P99);
