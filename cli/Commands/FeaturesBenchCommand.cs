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
        var command = new Command("features-bench", "Throughput of the features stage on each engine (samples/s) vs raw consume throughput, on the embedded broker.");
        command.Options.Add(samples);
        command.Options.Add(services);
        command.SetAction(async (result, _) =>
        {
            var count = result.GetValue(samples);
            using var cluster = EmbeddedKafkaCluster.Start();
            cluster.CreateTopics(TopicNames.All);
            FeaturesBench.Produce(cluster.BootstrapServers, count, result.GetValue(services));
            KafkaOptions Fresh() => new() { BootstrapServers = cluster.BootstrapServers, GroupIdPrefix = $"bench-{Guid.NewGuid():N}"[..14] };
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(c, $"features-bench: {count} samples of {result.GetValue(services)} services on the embedded broker at {cluster.BootstrapServers}"));
            var raw = FeaturesBench.RawConsume(Fresh(), count);
            Console.WriteLine(string.Create(c, $"raw consume            {count / raw,10:0} samples/s ({raw:0.00} s)"));
            foreach (var engine in FeaturesEngines.All)
            {
                var (seconds, windows) = await FeaturesBench.Stage(Fresh(), engine, count);
                Console.WriteLine(string.Create(c, $"features on {engine,-10} {count / seconds,10:0} samples/s ({seconds:0.00} s, {windows} windows, {seconds / raw:0.0}x raw)"));
            }
            return 0;
        });
        return command;
    }
}
