namespace Pipeline.Fleet.Proxy.Destinations;

/// <summary>Cumulative counters of one destination at one moment, as the proxy measured them.</summary>
internal sealed record MeterSnapshot(long Requests, long Completed, long Errors, long[] LatencyCounts, double LatencySumMs, int InFlight)
{
    public static MeterSnapshot Empty { get; } = new(0, 0, 0, [], 0, 0);
}
