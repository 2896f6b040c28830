using Pipeline.TestSupport.Kafka;
using Xunit.Abstractions;

namespace Pipeline.Integration.Tests.Drills;

/// <summary>
/// <c>--kafka-config</c> reaches the clients of <c>pipeline broker --bootstrap</c> and of the proxy, shown by what they
/// do: with TLS asked for against the embedded PLAINTEXT broker they cannot read it (and succeed without the file), and
/// the SASL password is in no line either process prints.
/// </summary>
public sealed class KafkaConfigReachTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _secret = $"S3cret-{Guid.NewGuid():N}";
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"kafka-{Guid.NewGuid():N}.properties");
    private readonly string _bootstrapFile = Path.Combine(Path.GetTempPath(), $"bootstrap-{Guid.NewGuid():N}");

    public void Dispose()
    {
        File.Delete(_file);
        File.Delete(_bootstrapFile);
    }

    private void WriteConfig() => File.WriteAllLines(_file,
        ["security.protocol=SASL_SSL", "sasl.mechanism=PLAIN", "sasl.username=drill", $"sasl.password={_secret}", "enable.ssl.certificate.verification=false"]);

    [Fact]
    [Trait("Category", "Drill")]
    public void BrokerCommand_RealBootstrapWithTlsConfig_CannotReachThePlaintextBroker_WithoutItProvisions()
    {
        using var broker = KafkaTestBroker.Start();
        WriteConfig();

        using var secured = PipelineProcess.Start(["broker", "--bootstrap", broker.BootstrapServers, "--bootstrap-file", _bootstrapFile, "--kafka-config", _file]);
        Assert.True(secured.WaitForExit(TimeSpan.FromSeconds(60)), secured.Output);
        using var plain = PipelineProcess.Start(["broker", "--bootstrap", broker.BootstrapServers, "--bootstrap-file", _bootstrapFile]);
        Assert.True(plain.WaitForExit(TimeSpan.FromSeconds(60)), plain.Output);
        output.WriteLine(secured.Output);

        Assert.Contains("security.protocol=SASL_SSL", secured.Output);
        Assert.NotEqual(0, secured.ExitCode);
        Assert.DoesNotContain(_secret, secured.Output);
        Assert.True(plain.ExitCode == 0, plain.Output);
        Assert.Contains("Using the Kafka broker at", plain.Output);
    }

    [Fact]
    [Trait("Category", "Drill")]
    public void Proxy_TlsConfig_RouteListenerCannotReadThePlaintextBroker_PasswordNeverPrinted()
    {
        using var broker = KafkaTestBroker.Start();
        WriteConfig();

        using var proxy = PipelineProcess.Start(["proxy", "--bootstrap", broker.BootstrapServers, "--kafka-config", _file],
            new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Debug" });
        var refused = proxy.WaitForOutput("route decisions topic not readable yet", TimeSpan.FromSeconds(45));
        proxy.Kill();
        output.WriteLine(proxy.Output.Length > 4000 ? proxy.Output[..4000] : proxy.Output);

        Assert.Contains("security.protocol=SASL_SSL", proxy.Output);
        Assert.True(refused, proxy.Output);
        Assert.DoesNotContain(_secret, proxy.Output);
    }
}
