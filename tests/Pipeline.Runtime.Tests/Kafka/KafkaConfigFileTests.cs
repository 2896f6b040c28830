using Pipeline.Runtime.Kafka;

namespace Pipeline.Runtime.Tests.Kafka;

public sealed class KafkaConfigFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"kafka-config-{Guid.NewGuid():N}.properties");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Read_PropertiesWithCommentsAndBlanks_EveryKeyValue()
    {
        File.WriteAllLines(_path, ["# security", "security.protocol = SASL_SSL", "", "sasl.mechanism=PLAIN", "sasl.username=app", "sasl.password=p=ss#1"]);

        var properties = KafkaConfigFile.Read(_path);

        Assert.Equal(new Dictionary<string, string>
        {
            ["security.protocol"] = "SASL_SSL", ["sasl.mechanism"] = "PLAIN", ["sasl.username"] = "app", ["sasl.password"] = "p=ss#1",
        }, properties);
    }

    [Fact]
    public void Read_LineWithoutEquals_FailsWithLineNumberButNotTheLine()
    {
        File.WriteAllLines(_path, ["security.protocol=SSL", "hunter2-secret"]);

        var error = Assert.Throws<FormatException>(() => KafkaConfigFile.Read(_path));

        Assert.Contains("line 2", error.Message);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    [Fact]
    public void Describe_SecretsAndUnknownSettings_ValuesHidden()
    {
        var described = KafkaConfigFile.Describe(new Dictionary<string, string>
        {
            ["security.protocol"] = "SASL_SSL", ["sasl.password"] = "hunter2", ["ssl.key.password"] = "k3y", ["sasl.oauthbearer.client.secret"] = "s",
        });

        Assert.Equal("sasl.oauthbearer.client.secret=<set>, sasl.password=<set>, security.protocol=SASL_SSL, ssl.key.password=<set>", described);
    }

    [Fact]
    public void ClientConfigs_ClientProperties_ReachProducerConsumerAndAdmin()
    {
        var options = new KafkaOptions
        {
            BootstrapServers = "b:9092",
            ClientProperties = new Dictionary<string, string> { ["security.protocol"] = "SASL_SSL", ["sasl.mechanism"] = "PLAIN", ["sasl.password"] = "x" },
        };

        var configs = new Confluent.Kafka.ClientConfig[]
        {
            KafkaClientConfigs.Producer(options, "p"), KafkaClientConfigs.Consumer(options, "features", "c"), KafkaClientConfigs.Admin(options),
        };

        Assert.All(configs, c =>
        {
            var effective = c.ToDictionary(p => p.Key, p => p.Value);
            Assert.Equal(("SASL_SSL", "PLAIN", "x", "b:9092"),
                (effective["security.protocol"], effective["sasl.mechanism"], effective["sasl.password"], effective["bootstrap.servers"]));
        });
    }
}
