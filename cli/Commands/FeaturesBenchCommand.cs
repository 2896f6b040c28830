using System.CommandLine;
using System.Globalization;
using Pipeline.Contracts.Topics;
using Pipeline.Features.Service;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Embedded;

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
        var command = new Command("features-bench", "Throughput of the features stage on each engine (samples/s) vs raw consume throughput, on the embedded broker.");
        command.Options.Add(samples);
        command.Options.Add(services);
        command.Options.Add(replicas);
        command.Options.Add(interval);
        command.Options.Add(engines);
        command.SetAction(async (result, _) =>
        {
            var count = result.GetValue(samples);
            using var cluster = EmbeddedKafkaCluster.Start();
            cluster.CreateTopics(TopicNames.All);
            FeaturesBench.Produce(cluster.BootstrapServers, count, result.GetValue(services), result.GetValue(replicas), result.GetValue(interval));
            KafkaOptions Fresh() => new() { BootstrapServers = cluster.BootstrapServers, GroupIdPrefix = $"bench-{Guid.NewGuid():N}"[..14] };
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c, $"features-bench: {count} samples of {result.GetValue(services)} services on the embedded broker at {cluster.BootstrapServers}"));
            var raw = FeaturesBench.RawConsume(Fresh(), count);
            Console.WriteLine(string.Create(c, $"raw consume            {count / raw,10:0} samples/s ({raw:0.00} s; a .NET consumer in this process, no processing)"));
            if (FeaturesBench.Kcat(cluster.BootstrapServers, count) is { } kcat)
                Console.WriteLine(string.Create(c, $"raw consume (kcat)     {count / kcat,10:0} samples/s ({kcat:0.00} s; kcat -C as a process, its start-up included)"));
            foreach (var engine in result.GetValue(engines)!)
            {
                var (seconds, windows) = await FeaturesBench.Stage(Fresh(), engine, count);
                Console.WriteLine(string.Create(c, $"features on {engine,-10} {count / seconds,10:0} samples/s ({seconds:0.00} s, {windows} windows, {raw / seconds:P0} of raw .NET consume)"));
            }
            return 0;
        });
        return command;
    }
}
