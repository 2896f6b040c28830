using System.Diagnostics;
using Pipeline.Contracts.Messages;
using Pipeline.Sink.Influx;
using Pipeline.Sink.LineProtocol;
using Pipeline.Sink.Mapping;

namespace Pipeline.Sink.Benchmark;

/// <summary>Result of <see cref="WriterBenchmark.RunAsync"/>.</summary>
/// <param name="Points">Points written.</param>
/// <param name="Elapsed">Wall time from the first write to the final flush.</param>
/// <param name="Stats">The writer's counters at the end.</param>
/// <param name="LineBytes">Approximate bytes of line protocol written.</param>
/// <param name="ProcessCpu">CPU time this process (the writer) used in that span; a figure less sensitive to a busy machine.</param>
public sealed record WriterBenchmarkResult(long Points, TimeSpan Elapsed, InfluxWriterStats Stats, long LineBytes, TimeSpan ProcessCpu)
{
    public double PointsPerSecond => Points / Elapsed.TotalSeconds;
    public double CpuMicrosecondsPerPoint => ProcessCpu.TotalMicroseconds / Points;
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
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await writer.WriteAsync(samples, ct);
        await writer.FlushAsync(ct);
        clock.Stop();
        process.Refresh();
        return new WriterBenchmarkResult(points, clock.Elapsed, writer.Stats, bytes, process.TotalProcessorTime - cpuBefore);
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
