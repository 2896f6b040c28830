using System.CommandLine;
using Pipeline.Simulator.Traces;
using Pipeline.Simulator.Traces.Shapes;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline synth-trace --shape NAME --out FILE</c>: writes a synthetic trace of one of the workload shapes the policies are tested on.</summary>
internal static class SynthTraceCommand
{
    public static Command Create()
    {
        var shape = new Option<string>("--shape") { Description = $"Workload shape: {string.Join(", ", TraceShapes.All)}.", Required = true };
        shape.AcceptOnlyFromAmong([.. TraceShapes.All]);
        var days = new Option<double>("--days") { Description = "Length in days (one row per minute).", DefaultValueFactory = _ => 8 };
        var seed = new Option<int>("--seed") { Description = "Seed of the shape's random parts (bursts, noise).", DefaultValueFactory = _ => 42 };
        var output = new Option<FileInfo>("--out") { Description = "CSV file to write (timestamp,requests), readable by evaluate --trace.", Required = true };
        var command = new Command("synth-trace",
            "Write a synthetic per-minute trace of a workload shape for evaluate: smooth-diurnal (daily and weekly cycle), flash-crowd " +
            "(about one 4-8x surge a day at a random minute), daily-outage (no load 14:00-14:45 UTC each day, then the full load at once), " +
            "sparse-bursts (serverless: most minutes empty, an hourly job and random bursts).");
        foreach (var o in new Option[] { shape, days, seed, output }) command.Options.Add(o);
        command.SetAction(result =>
        {
            try
            {
                var trace = TraceShapes.Create(result.GetValue(shape)!, result.GetValue(days), result.GetValue(seed));
                var file = result.GetValue(output)!;
                using (var writer = new StreamWriter(file.FullName)) TraceWriter.Write(trace, writer);
                Console.WriteLine($"wrote {trace.Requests.Count} rows of {trace.Name} to {file.FullName}");
                return 0;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"synth-trace: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
