using Pipeline.Features.Streamiz;
using Pipeline.Runtime.Kafka;

namespace Pipeline.Features.Tests.Streamiz;

/// <summary>The --kafka-config client properties reach every client the Streamiz engine creates.</summary>
public sealed class StreamizConfigTests
{
    private static readonly Dictionary<string, string> Security = new()
    {
        ["security.protocol"] = "SASL_SSL", ["sasl.mechanism"] = "PLAIN", ["sasl.username"] = "alice", ["sasl.password"] = "s3cret",
        ["ssl.ca.location"] = "/etc/ca.pem",
    };

    /// <summary>librdkafka takes SASL_SSL and sasl_ssl alike; Streamiz writes the latter.</summary>
    private static string? Spelling(string? value) => value?.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    [Fact]
    public void Create_ClientProperties_InConsumerProducerAdminAndRestoreConsumerConfigs()
    {
        var config = StreamizConfig.Create(new KafkaOptions { BootstrapServers = "b:9092", ClientProperties = Security },
            new StreamizOptions { StateDir = Path.GetTempPath() }, "features");

        var clients = new Confluent.Kafka.ClientConfig[]
        {
            config.ToConsumerConfig("c"), config.ToProducerConfig("p"), config.ToAdminConfig("a"), config.ToRestoreConsumerConfig("r"),
        };

        foreach (var client in clients)
            foreach (var (key, value) in Security)
                Assert.True(Spelling(value) == Spelling(client.Get(key)), $"{client.GetType().Name}: {key} = {client.Get(key)}");
    }
}
