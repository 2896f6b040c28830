using System.Diagnostics;

namespace Pipeline.Fleet.Bench;

/// <summary>
/// A bounded closed-loop HTTP load: <c>concurrency</c> clients each send GET, wait for the answer, send again, until the
/// duration or the request budget runs out. Loopback targets only (the caller checks); latencies kept for percentiles.
/// </summary>
public static class ClosedLoopLoad
{
    /// <summary>Runs against <paramref name="target"/>; stops at <paramref name="duration"/> or <paramref name="maxRequests"/>.</summary>
    public static async Task<LoadResult> RunAsync(HttpClient client, Uri target, int concurrency, TimeSpan duration, long maxRequests,
        CancellationToken cancellationToken = default)
    {
        if (!target.IsLoopback) throw new ArgumentException($"load targets must be loopback addresses, got {target}");
        var latencies = new List<double>[concurrency];
        long sent = 0, errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async c =>
        {
            var mine = latencies[c] = new List<double>(1024);
            while (clock.Elapsed < duration && Interlocked.Increment(ref sent) <= maxRequests && !cancellationToken.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(target, HttpCompletionOption.ResponseContentRead, cancellationToken);
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new LoadResult(target.ToString(), concurrency, all.Length, errors, seconds,
            Percentile(all, 0.50), Percentile(all, 0.99), all.Length > 0 ? all.Average() : double.NaN);
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
}
