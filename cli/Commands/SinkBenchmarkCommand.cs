using System.CommandLine;
using System.Globalization;
using Pipeline.Sink.Benchmark;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline bench-sink</c>: measures the InfluxDB writer's points/s against a running InfluxDB (scripts/bench-sink.sh starts one).</summary>
internal static class SinkBenchmarkCommand
{
    public static Command Create()
    {
        var influx = new Option<string?>("--influx") { Description = $"InfluxDB 1.x URL (else ${SinkCommand.InfluxUrlVariable}, else http://localhost:8086)." };
        var database = new Option<string>("--database") { Description = "Database (created if missing).", DefaultValueFactory = _ => "sink_benchmark" };
        var points = new Option<int>("--points") { Description = "Points to write.", DefaultValueFactory = _ => 500_000 };
        var batch = new Option<int>("--batch") { Description = "Points per request.", DefaultValueFactory = _ => 5_000 };
        var command = new Command("bench-sink", "Measure the sink's InfluxDB writer throughput (points/s) with synthetic metric samples.");
        command.Options.Add(influx);
        command.Options.Add(database);
        command.Options.Add(points);
        command.Options.Add(batch);
        command.SetAction(async (result, cancellationToken) =>
        {
            var options = SinkCommand.WriterOptions(result.GetValue(influx), result.GetValue(database)!);
            options.BatchSize = result.GetValue(batch);
            var run = await WriterBenchmark.RunAsync(options, result.GetValue(points), cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"bench-sink: {run.Points} points in {run.Elapsed.TotalSeconds:F2} s = {run.PointsPerSecond:F0} points/s, " +
                $"writer CPU {run.CpuMicrosecondsPerPoint:F2} µs/point " +
                $"(batch {options.BatchSize}, ~{run.LineBytes / run.Points} B/line, {run.Stats.Batches} requests, " +
                $"written {run.Stats.PointsWritten}, failed {run.Stats.PointsFailed}, retries {run.Stats.Retries}) against {options.Endpoint}"));
            return run.Stats.PointsFailed == 0 && run.Stats.PointsWritten == run.Points ? 0 : 1;
        });
        return command;
    }
}
