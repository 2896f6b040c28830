namespace Pipeline.Fleet.Replica;

/// <summary>Settings of one replica process (<c>pipeline replica</c>).</summary>
public sealed class ReplicaOptions
{
    /// <summary>Loopback port to listen on; 0 picks a free port.</summary>
    public int Port { get; init; }

    /// <summary>Replica id reported by <c>/stats</c>.</summary>
    public string Id { get; init; } = "replica";

    /// <summary>Parallel workers (requests in service at once). Default 4.</summary>
    public int Workers { get; init; } = 4;

    /// <summary>Mean service time; zero answers at once. Default 200 ms.</summary>
    public TimeSpan ServiceMean { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Coefficient of variation of the lognormal service time. Default 0.5.</summary>
    public double ServiceCv { get; init; } = 0.5;

    /// <summary>Requests that may wait for a worker (FIFO); beyond it <c>/work</c> answers 503. Default 1000.</summary>
    public int QueueLimit { get; init; } = 1000;

    /// <summary>Time after start before <c>/ready</c> answers 200. Default zero.</summary>
    public TimeSpan StartupDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Longest wait for in-flight and queued requests on shutdown. Default 30 s.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Seed of the service-time draws. Default 1 (the CLI derives it from the id: see <see cref="SeedFor"/>).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>A stable seed for a replica id (FNV-1a), so replicas started without <c>--seed</c> draw different times.</summary>
    public static long SeedFor(string id)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in id) hash = (hash ^ c) * 1099511628211UL;
        return unchecked((long)hash);
    }
}
