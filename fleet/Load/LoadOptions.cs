namespace Pipeline.Fleet.Load;

/// <summary>What <see cref="LoadGenerator"/> sends: where, at which rate, for how long, and what counts as slow.</summary>
public sealed record LoadOptions
{
    /// <summary>URL every request is sent to (a GET), e.g. <c>http://127.0.0.1:8080/work</c>.</summary>
    public required Uri Url { get; init; }

    /// <summary>Arrival rate over wall time (constant or following a trace).</summary>
    public required RateProfile Rate { get; init; }

    /// <summary>Wall duration of the run; no arrival is scheduled after it.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Latency objective; responses slower than it (from the scheduled send time) are counted.</summary>
    public TimeSpan Slo { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Per-request timeout; a request still unanswered after it is counted as a timeout error.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Most requests outstanding at once; arrivals beyond it are counted as not sent (client saturated).</summary>
    public int MaxInFlight { get; init; } = 2000;

    /// <summary>Seed of the Poisson arrival process.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Schedule lag p99 above which the result carries a warning that the generator could not keep up.</summary>
    public TimeSpan LagWarning { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>How often <see cref="Progress"/> is called.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Receives a one-line progress report every <see cref="ProgressInterval"/> (null: none).</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>
    /// The thread pool's minimum worker and I/O threads are raised to at least this for the run (never lowered): every
    /// response is handled on the pool, and with the default minimum (one per core) a moment of blocked pool threads
    /// stalls responses for up to a second while the pool grows (measured: server-side interarrival cv 5-11 instead of 1).
    /// </summary>
    public int MinPoolThreads { get; init; } = 64;

    /// <summary>Checks the URL answers once before starting; an unreachable URL fails the run at once.</summary>
    public bool Preflight { get; init; } = true;
}
