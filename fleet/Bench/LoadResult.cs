namespace Pipeline.Fleet.Bench;

/// <summary>What one closed-loop run measured: responses, errors, wall time and latency percentiles in milliseconds.</summary>
public sealed record LoadResult(string Target, int Concurrency, long Responses, long Errors, double Seconds, double P50Ms, double P99Ms, double MeanMs)
{
    /// <summary>Responses per second over the run.</summary>
    public double RequestsPerSecond => Seconds > 0 ? Responses / Seconds : 0;
}
