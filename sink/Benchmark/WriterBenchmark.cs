using System.Diagnostics;
using Pipeline.Contracts.Messages;
using Pipeline.Sink.Influx;
using Pipeline.Sink.LineProtocol;
using Pipeline.Sink.Mapping;

namespace Pipeline.Sink.Benchmark;

/// <summary>Result of <see cref="WriterBenchmark.RunAsync"/>.</summary>
public sealed record WriterBenchmarkResult(long Points, TimeSpan Elapsed, InfluxWriterStats Stats, long LineBytes)
{
    public double PointsPerSecond => Points / Elapsed.TotalSeconds;
}

/// <summary>
/// Measures <see cref="InfluxWriter"/> throughput: maps synthetic metric samples (10 services × 20 replicas, one per
/// second each, 13 fields) to points and writes them through the writer; elapsed time runs from the first write to
/// the final flush. Used by <c>pipeline bench-sink</c>; numbers come from here, never from timed tests.
/// </summary>
public static class WriterBenchmark
{
    public static async Task<WriterBenchmarkResult> RunAsync(InfluxWriterOptions options, int points, CancellationToken ct = default)
    {
        var samples = Samples(points).Select(MetricSamplePoints.From).ToList();
        var bytes = LineProtocolFormatter.Format(samples.Take(1000)).Length * (long)points / Math.Min(points, 1000);
        await using var writer = new InfluxWriter(options);
        await writer.EnsureDatabaseAsync(ct);
        var clock = Stopwatch.StartNew();
        await writer.WriteAsync(samples, ct);
        await writer.FlushAsync(ct);
        clock.Stop();
        return new WriterBenchmarkResult(points, clock.Elapsed, writer.Stats, bytes);
    }

    private static IEnumerable<MetricSample> Samples(int count)
    {
        var start = DateTimeOffset.UnixEpoch.AddYears(56);
        var random = new Random(42);
        var counts = new long[LatencyBuckets.Count];
        for (var i = 0; i < count; i++)
        {
            var service = i % 10;
            var replica = i / 10 % 20;
            var second = i / 200;
            Array.Clear(counts);
            counts[random.Next(5, 30)] = 50;
            yield return new MetricSample
            {
                Service = $"svc-{service}", Replica = $"svc-{service}-{replica}", Timestamp = start.AddSeconds(second),
                Requests = random.Next(40, 60), Completed = 50, Errors = random.Next(0, 3), Utilization = random.NextDouble(),
                InFlight = random.Next(0, 10), LatencyCounts = (long[])counts.Clone(), LatencySumMs = random.Next(100, 5000),
            };
        }
    }
}
