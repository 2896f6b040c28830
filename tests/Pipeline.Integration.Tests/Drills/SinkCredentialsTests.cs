using Confluent.Kafka;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.Integration.Tests.Support;
using Pipeline.TestSupport.Influx;
using Pipeline.TestSupport.Kafka;
using Xunit.Abstractions;

namespace Pipeline.Integration.Tests.Drills;

/// <summary>
/// <c>pipeline sink</c> against a real influxd with authentication on, as a write-only user whose password comes from a
/// file (<c>--influx-password-file</c>): the database exists, CREATE DATABASE is refused and logged, samples land, and
/// the password is in no line the process prints.
/// </summary>
public sealed class SinkCredentialsTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Drill")]
    public async Task SinkProcess_WriteOnlyUserPasswordFromFile_SamplesWritten_PasswordNeverPrinted()
    {
        using var broker = KafkaTestBroker.Start();
        await using var influx = await InfluxServer.StartAsync("secured", ("admin", "adm1n-pw"));
        var password = $"W-{Guid.NewGuid():N}";
        await influx.ExecuteAsync($"CREATE USER \"writer\" WITH PASSWORD '{password}'");
        await influx.ExecuteAsync("GRANT WRITE ON \"secured\" TO \"writer\"");
        var file = Path.Combine(Path.GetTempPath(), $"influx-pw-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(file, password + "\n");
        var service = $"cred-{Guid.NewGuid():N}"[..12];
        try
        {
            using var sink = PipelineProcess.Start(["sink", "--bootstrap", broker.BootstrapServers, "--group-prefix", $"cred-{Guid.NewGuid():N}"[..13],
                "--metrics-port", "0", "--influx", influx.Url.ToString(), "--database", "secured", "--influx-user", "writer", "--influx-password-file", file]);
            using (var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build())
            {
                for (var i = 1; i <= 10; i++)
                {
                    var sample = new MetricSample { Service = service, Replica = "r", Timestamp = DateTimeOffset.UtcNow.AddSeconds(-20 + i), Requests = i, Completed = i, Utilization = 0.5 };
                    producer.Produce(TopicNames.Metrics, new Message<string, byte[]> { Key = service, Value = JsonSerde<MetricSample>.Instance.Serialize(sample, default) });
                }
                producer.Flush(TimeSpan.FromSeconds(10));
            }

            long points = 0;
            var written = await Eventually.HoldsAsync(async () =>
            {
                var rows = await influx.QueryAsync($"SELECT count(requests) FROM metric_sample WHERE service = '{service}'");
                points = rows.Count == 0 ? 0 : rows[0].GetLong("count");
                return points == 10;
            }, TimeSpan.FromSeconds(60));
            sink.Terminate();
            sink.WaitForExit(TimeSpan.FromSeconds(20));
            output.WriteLine(sink.Output);

            Assert.True(written, $"{points} of 10 points\n{sink.Output}");
            Assert.Contains("credentials: user writer", sink.Output);
            Assert.Contains("refused CREATE DATABASE secured", sink.Output);
            Assert.DoesNotContain(password, sink.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
