namespace Pipeline.Fleet.Replica;

/// <summary>The body of <c>GET /stats</c>: cumulative counters and the measured worker-busy time.</summary>
public sealed record ReplicaStats
{
    public string Id { get; init; } = "";
    public bool Ready { get; init; }
    public int Workers { get; init; }

    /// <summary>Requests in service now.</summary>
    public int InFlight { get; init; }

    /// <summary>Requests waiting for a worker now.</summary>
    public int Queued { get; init; }

    /// <summary>Responses so far, errors included.</summary>
    public long Completed { get; init; }
    public long Errors { get; init; }

    /// <summary>Requests answered 503 because the queue was full.</summary>
    public long Rejected { get; init; }

    /// <summary>Cumulative worker-busy seconds; utilization over an interval is Δbusy / (workers × Δt).</summary>
    public double BusySeconds { get; init; }
}
