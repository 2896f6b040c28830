using System.Text.Json;
using Pipeline.Contracts.Serialization;

namespace Pipeline.Cli.SimToReal;

/// <summary>Prints the comparisons side by side, and the rankings of the combinations by each side; writes the JSON.</summary>
internal static class SimToRealReport
{
    public static void Print(TextWriter output, SimToRealSettings s, IReadOnlyList<Comparison> comparisons)
    {
        output.WriteLine();
        output.WriteLine($"== sim-to-real: {Path.GetFileName(s.TracePath)} from {s.Start} for {s.Duration} at {s.Speed:0.##}x, peak {s.PeakRps:0} req/s; " +
                         $"replicas: {s.Replica.Workers} workers, lognormal {s.Replica.ServiceMeanMs:0} ms cv {s.Replica.ServiceCv:0.##}, start-up {s.Replica.StartupDelay.TotalSeconds:0} s + launch ==");
        foreach (var c in comparisons)
        {
            output.WriteLine();
            output.WriteLine($"{c.Autoscaler} + {c.Balancer}{(c.Note.Length > 0 ? $"  ({c.Note})" : "")}");
            output.WriteLine($"  {"metric",-24}{"simulated",12}{"real",12}{"error",10}");
            foreach (var (metric, sim, real, error) in c.Rows)
                output.WriteLine($"  {metric,-24}{sim,12:0.#}{real,12:0.#}{(error is { } e ? $"{e * 100:+0.0;-0.0;0.0}%" : "n/a"),10}");
        }
        if (comparisons.Count < 2) return;
        output.WriteLine();
        output.WriteLine($"ranking by slow-or-failed requests, then replica-seconds: simulated {Rank(comparisons, c => c.Sim)}; real {Rank(comparisons, c => c.Real)}");
    }

    public static void WriteJson(string path, SimToRealSettings s, IReadOnlyList<Comparison> comparisons)
    {
        var document = new
        {
            trace = Path.GetFileName(s.TracePath),
            start = s.Start.ToString(),
            duration = s.Duration.ToString(),
            speed = s.Speed,
            peakRps = s.PeakRps,
            replica = s.Replica,
            runs = comparisons.Select(c => new
            {
                autoscaler = c.Autoscaler,
                balancer = c.Balancer,
                note = c.Note,
                simulated = c.Sim,
                real = c.Real,
                errors = c.Rows.ToDictionary(r => r.Metric, r => r.Error),
            }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document, new JsonSerializerOptions(JsonDefaults.Options) { WriteIndented = true }));
    }

    private static string Rank(IReadOnlyList<Comparison> comparisons, Func<Comparison, SideFigures> side) =>
        string.Join(" < ", comparisons.OrderBy(c => side(c).SlowOrFailed).ThenBy(c => side(c).ReplicaSeconds).Select(c => $"{c.Autoscaler}+{c.Balancer}"));
}
