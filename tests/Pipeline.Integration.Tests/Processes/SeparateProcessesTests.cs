using System.Text.RegularExpressions;
using Pipeline.Runtime.Kafka;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Integration.Tests.Support;
using Pipeline.TestSupport.Influx;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.Processes;

/// <summary>The broker and every stage as its own OS process (the built <c>pipeline</c> executable), talking only through Kafka.</summary>
public sealed partial class SeparateProcessesTests(InfluxServer influx) : IClassFixture<InfluxServer>
{
    [Fact]
    public async Task EveryStageAsProcess_SurgeScalesTheSimulatedClusterUp()
    {
        var file = Path.Combine(Path.GetTempPath(), $"pipeline-bootstrap-{Guid.NewGuid():N}");
        var external = Environment.GetEnvironmentVariable(BootstrapResolver.EnvironmentVariable);
        var processes = new List<PipelineProcess>();
        try
        {
            if (string.IsNullOrWhiteSpace(external))
            {
                var broker = PipelineProcess.Start(["broker", "--bootstrap-file", file]);
                processes.Add(broker);
                Assert.True(broker.WaitForOutput("press Ctrl+C", TimeSpan.FromSeconds(30)), broker.Output);
            }
            else
            {
                BootstrapFile.Write(file, external);
            }
            var bootstrap = BootstrapFile.TryRead(file)!;
            string[] common = ["--bootstrap-file", file, "--group-prefix", $"proc-{Guid.NewGuid():N}"[..13]];
            var ingest = PipelineProcess.Start(["ingest", "--source", "simulator", "--speed", "10", .. common]);
            processes.Add(ingest);
            processes.Add(PipelineProcess.Start(["features", "--max-ahead", "off", .. common]) /* ingest runs 10x ahead of the wall clock */);
            processes.Add(PipelineProcess.Start(["predictor", .. common]));
            processes.Add(PipelineProcess.Start(["actuator", "--target", "simulator", .. common]));
            processes.Add(PipelineProcess.Start(["sink", "--influx", influx.Url.ToString(), "--database", influx.Database, .. common]));

            var grew = await Eventually.HoldsAsync(() => ScaledTo(ingest.Output) > 3, TimeSpan.FromSeconds(120));
            Assert.True(grew, "the simulated cluster in the ingest process was never scaled above 3 replicas.\n" +
                string.Join("\n---\n", processes.Select(p => p.Output[Math.Max(0, p.Output.Length - 1500)..])));

            using var features = new TopicReader(bootstrap, TopicNames.Features);
            Assert.True(features.ReadUntil(r => r.Any(x => x.Key == "web" && x.As<FeatureWindow>().Replicas > 3), TimeSpan.FromSeconds(60)),
                "no feature window reported more than the 3 initial replicas");
            Assert.True(await Eventually.HoldsAsync(async () =>
                (await influx.QueryAsync("SELECT max(\"desired_replicas\") FROM \"scale_decision\" WHERE \"service\" = 'web'")) is [var row] && row.GetDouble("max") > 3,
                TimeSpan.FromSeconds(30)), "the sink process wrote no scale-up decision to InfluxDB");
            Assert.All(processes, p => Assert.False(p.HasExited, $"a process exited early:\n{p.Output}"));
        }
        finally
        {
            foreach (var p in Enumerable.Reverse(processes)) p.Dispose();
            File.Delete(file);
        }
    }

    private static int ScaledTo(string ingestOutput) =>
        ScaledPattern().Matches(ingestOutput).Select(m => int.Parse(m.Groups[1].Value)).DefaultIfEmpty(0).Max();

    [GeneratedRegex(@"Simulated web set to (\d+) replicas")]
    private static partial Regex ScaledPattern();
}
