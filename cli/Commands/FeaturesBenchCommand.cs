using System.CommandLine;
using System.Globalization;
using Pipeline.Features.Service;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline features-bench</c>: on a fresh embedded broker, samples/s through the features stage on each engine and
/// raw consume throughput over the same samples.
/// </summary>
internal static class FeaturesBenchCommand
{
    public static Command Create()
    {
        var samples = new Option<int>("--samples") { Description = "Samples to pre-produce (the embedded broker keeps about 5 MiB per partition).", DefaultValueFactory = _ => 100_000 };
        var services = new Option<int>("--services") { Description = "Services (keys) the samples are spread over.", DefaultValueFactory = _ => 120 };
        var replicas = new Option<int>("--replicas") { Description = "Replicas per service.", DefaultValueFactory = _ => 2 };
        var interval = new Option<double>("--interval") { Description = "Seconds of event time between a replica's samples (with more samples per service than fit in a window plus grace, windows close).", DefaultValueFactory = _ => 1 };
        var engines = new Option<string[]>("--engine") { Description = $"Engines to measure ({string.Join(", ", FeaturesEngines.All)}).", DefaultValueFactory = _ => [.. FeaturesEngines.All], AllowMultipleArgumentsPerToken = true };
        var runs = new Option<int>("--runs") { Description = "Rounds, each on a fresh embedded broker with the samples produced anew (raw consume, kcat, then each engine); every round is printed, then the medians.", DefaultValueFactory = _ => 1 };
        var processingOnly = new Option<bool>("--processing-only")
        {
            Description = "Measure the stage's own work without Kafka: the same records, in memory, through the loop engine's processor, every window serialized; prints time and managed allocation per sample for each of --runs rounds.",
        };
        var floors = new Option<bool>("--floors")
        {
            Description = "After the engines, run three lower bounds on the same loop: 'floor: loop only' (consume and commit, no work), 'floor: read samples' (read and validate each sample's JSON) and 'floor: contract' (that, and publish the windows the stage publishes, precomputed instead of computed); and time serializing those windows in memory. Splits the stage's time into Kafka and the loop, the JSON contract, and windowing.",
        };
        var command = new Command("features-bench", "Throughput of the features stage on each engine (samples/s) vs raw consume throughput, on the embedded broker.");
        command.Options.Add(processingOnly);
        command.Options.Add(samples);
        command.Options.Add(services);
        command.Options.Add(replicas);
        command.Options.Add(interval);
        command.Options.Add(engines);
        command.Options.Add(runs);
        command.Options.Add(floors);
        command.SetAction(async (result, _) =>
        {
            var count = result.GetValue(samples);
            if (count < 1 || result.GetValue(services) < 1 || result.GetValue(replicas) < 1 || !(result.GetValue(interval) > 0))
            {
                Console.Error.WriteLine("features-bench: --samples, --services and --replicas must be at least 1, --interval positive");
                return 2;
            }
            if (result.GetValue(processingOnly))
            {
                FeaturesBenchProcessing.Run(count, result.GetValue(services), result.GetValue(replicas), result.GetValue(interval), Math.Max(1, result.GetValue(runs)), Console.Out);
                return 0;
            }
            var rates = new Dictionary<string, List<(double Rate, double OfKcat)>>();
            for (var run = 0; run < Math.Max(1, result.GetValue(runs)); run++)
            {
                foreach (var (engine, rate, ofKcat) in await FeaturesBenchRound.Run(count, result.GetValue(services), result.GetValue(replicas), result.GetValue(interval), result.GetValue(engines)!, result.GetValue(floors)))
                {
                    if (!rates.TryGetValue(engine, out var list)) rates[engine] = list = [];
                    list.Add((rate, ofKcat));
                }
            }
            foreach (var (engine, list) in rates.Where(p => p.Value.Count > 1))
            {
                var r = list.Select(x => x.Rate).Order().ToList();
                var k = list.Select(x => x.OfKcat).Where(x => !double.IsNaN(x)).Order().ToList();
                var kcat = k.Count == 0 ? "kcat not installed" : string.Create(CultureInfo.InvariantCulture, $"median {k[k.Count / 2]:P0} of kcat in the same run (range {k[0]:P0}-{k[^1]:P0})");
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{FeaturesBenchRound.Label(engine),-22} median {r[r.Count / 2]:0} samples/s over {r.Count} runs (range {r[0]:0}-{r[^1]:0}); {kcat}"));
            }
            return 0;
        });
        return command;
    }
}
