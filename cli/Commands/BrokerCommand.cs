using System.CommandLine;
using Pipeline.Cli.Hosting;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Embedded;
using Pipeline.Runtime.Kafka.Hosting;
using Pipeline.Contracts.Topics;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline broker</c>: hosts librdkafka's mock cluster with the pipeline's topics until stopped, printing its
/// bootstrap address and writing it to the bootstrap file. Given a real broker, creates the topics there and exits.
/// </summary>
internal static class BrokerCommand
{
    public static Command Create()
    {
        var kafka = new KafkaCommandOptions();
        var brokers = new Option<int>("--brokers") { Description = "Mock brokers to start.", DefaultValueFactory = _ => 3 };
        var command = new Command("broker", "Run the embedded Kafka broker (librdkafka mock cluster) with the pipeline's topics, or create them on a real broker.");
        kafka.AddTo(command);
        command.Options.Add(brokers);
        command.SetAction((result, cancellationToken) => StartupErrors.Guard(async () =>
        {
            var file = result.GetValue(kafka.BootstrapFilePath)!;
            var real = result.GetValue(kafka.Bootstrap)
                ?? Environment.GetEnvironmentVariable("Kafka__BootstrapServers")
                ?? Environment.GetEnvironmentVariable(BootstrapResolver.EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(real))
                return await ProvisionRealBroker(new KafkaOptions { BootstrapServers = real, ClientProperties = KafkaCommandOptions.ClientProperties(result, kafka.ConfigFile) }, file, cancellationToken);

            using var cluster = EmbeddedKafkaCluster.Start(result.GetValue(brokers));
            cluster.CreateTopics(TopicNames.All);
            BootstrapFile.Write(file, cluster.BootstrapServers);
            Console.WriteLine($"Embedded Kafka (librdkafka mock cluster, {result.GetValue(brokers)} brokers) listening at:");
            Console.WriteLine(cluster.BootstrapServers);
            Console.WriteLine($"Topics: {string.Join(", ", TopicNames.All.Select(t => $"{t.Name} ({t.Partitions})"))}");
            Console.WriteLine($"Bootstrap address written to {Path.GetFullPath(file)}; press Ctrl+C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }
            if (BootstrapFile.TryRead(file) == cluster.BootstrapServers) File.Delete(file);
            return 0;
        }));
        return command;
    }

    private static async Task<int> ProvisionRealBroker(KafkaOptions kafka, string file, CancellationToken cancellationToken)
    {
        var bootstrap = kafka.BootstrapServers;
        var created = await TopicProvisioner.EnsureAsync(kafka, TopicNames.All, cancellationToken: cancellationToken);
        BootstrapFile.Write(file, bootstrap);
        Console.WriteLine($"Using the Kafka broker at {bootstrap}; created {created.Count} missing topic(s): {string.Join(", ", created)}");
        Console.WriteLine($"Bootstrap address written to {Path.GetFullPath(file)}.");
        return 0;
    }
}
