using Pipeline.TestSupport.Kafka;
using Xunit.Abstractions;

namespace Pipeline.Integration.Tests.Drills;

/// <summary>
/// <c>--kafka-config</c> reaches the stage process: SASL settings are announced (values of secrets hidden) and the
/// password appears in no line the process prints, whatever the broker answers (the embedded mock does not speak SASL).
/// </summary>
public sealed class KafkaSecurityConfigTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Drill")]
    public void StageProcess_KafkaConfigWithSaslPassword_SettingsAppliedAndPasswordNeverPrinted()
    {
        using var broker = KafkaTestBroker.Start();
        var secret = $"S3cret-{Guid.NewGuid():N}";
        var file = Path.Combine(Path.GetTempPath(), $"kafka-{Guid.NewGuid():N}.properties");
        File.WriteAllLines(file, ["security.protocol=SASL_PLAINTEXT", "sasl.mechanism=PLAIN", "sasl.username=drill", $"sasl.password={secret}"]);
        try
        {
            using var features = PipelineProcess.Start(["features", "--bootstrap", broker.BootstrapServers, "--kafka-config", file,
                "--group-prefix", $"sec-{Guid.NewGuid():N}"[..12], "--metrics-port", "0"], new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Debug" });
            var announced = features.WaitForOutput("Kafka client properties from", TimeSpan.FromSeconds(20));
            Thread.Sleep(TimeSpan.FromSeconds(8)); // let the clients try the broker and log what they log
            features.Kill();
            var printed = features.Output;
            output.WriteLine(printed.Length > 4000 ? printed[..4000] : printed);

            Assert.True(announced, printed);
            Assert.Contains("sasl.mechanism=PLAIN, sasl.password=<set>, sasl.username=<set>, security.protocol=SASL_PLAINTEXT", printed);
            Assert.DoesNotContain(secret, printed);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
