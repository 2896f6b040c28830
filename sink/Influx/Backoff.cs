namespace Pipeline.Sink.Influx;

/// <summary>Exponential backoff: <c>initial × 2^(retry-1)</c>, capped. Deterministic (one writer per process, no herd to spread).</summary>
internal static class Backoff
{
    /// <summary>Wait before retry number <paramref name="retry"/> (1 = first retry).</summary>
    public static TimeSpan Delay(int retry, TimeSpan initial, TimeSpan max)
    {
        var factor = Math.Pow(2, Math.Clamp(retry - 1, 0, 30));
        var ms = Math.Min(initial.TotalMilliseconds * factor, max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ms);
    }
}
