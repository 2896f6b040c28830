using System.Diagnostics;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Integration.Tests.Support;
using Pipeline.TestSupport.Influx;
using Pipeline.TestSupport.Kafka;
using Xunit.Abstractions;

namespace Pipeline.Integration.Tests.Drills;

/// <summary>
/// Drill: <c>pipeline ingest --source http</c> (its own OS process) is killed with SIGKILL at random moments while a
/// client pushes samples, and restarted; a <c>pipeline features</c> process windows them. "0 lost" for a push source:
/// every sample acknowledged (200) is on <c>pipeline.metrics</c>; an unacknowledged one is the client's to send again,
/// and this client does, so in the end every sample is acknowledged, on the topic, and in a complete window (a
/// retried sample the killed process had already delivered is on the topic twice and counted once).
/// </summary>
public sealed class IngestKillDrillTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const int Replicas = 4;
    private const int Windows = 40; // 600 virtual seconds, one every 40 ms: 24 s of load plus the restarts
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(40);

    [Fact]
    [Trait("Category", "Drill")]
    public async Task IngestKilledFiveTimesMidStream_EveryAcknowledgedSampleOnTheTopic_EveryWindowComplete()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("PIPELINE_INGEST_KILLS"), out var k) ? k : 5;
        using var broker = KafkaTestBroker.Start();
        var service = $"ingest-{Guid.NewGuid():N}"[..14];
        var port = FreePort.Next();
        string[] ingestArgs = ["ingest", "--source", "http", "--listen", $"127.0.0.1:{port}", "--bootstrap", broker.BootstrapServers, "--metrics-port", "0"];
        var ingest = PipelineProcess.Start(ingestArgs);
        using var features = PipelineProcess.Start(["features", "--window", "15s", "--grace", "5s", "--max-ahead", "off",
            "--bootstrap", broker.BootstrapServers, "--group-prefix", $"ik-{Guid.NewGuid():N}"[..11], "--metrics-port", "0"]);
        using var metrics = new TopicReader(broker.BootstrapServers, TopicNames.Metrics);
        using var windows = new TopicReader(broker.BootstrapServers, TopicNames.Features);
        using var client = new PushingClient(new Uri($"http://127.0.0.1:{port}/samples"));
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var seconds = Windows * 15 + 20;
        var schedule = Enumerable.Range(0, kills).Select(i => Pace * seconds * ((i + 0.1 + 0.8 * Random.Shared.NextDouble()) / kills)).ToList();

        var clock = Stopwatch.StartNew();
        var load = Task.Run(() => PushAsync(client, service, seconds, deadline.Token));
        var outputs = new List<string>();
        try
        {
            foreach (var at in schedule)
            {
                if (at > clock.Elapsed) await Task.Delay(at - clock.Elapsed);
                ingest.Kill();
                outputs.Add(ingest.Output);
                ingest.Dispose();
                output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: killed ingest ({client.Acknowledged.Count} samples acknowledged so far)");
                await Task.Delay(500);
                ingest = PipelineProcess.Start(ingestArgs);
            }
            await load;
        }
        finally
        {
            outputs.Add(ingest.Output);
            ingest.Dispose();
        }

        var acknowledged = client.Acknowledged.Select(s => (s.Replica, s.Timestamp)).ToHashSet();
        IEnumerable<MetricSample> OnTopic() => metrics.Records.Where(r => r.Key == service).Select(r => r.As<MetricSample>());
        metrics.ReadUntil(_ => acknowledged.IsSubsetOf(OnTopic().Select(s => (s.Replica, s.Timestamp))), TimeSpan.FromSeconds(30));
        var onTopic = OnTopic().ToList();
        var missing = acknowledged.Except(onTopic.Select(s => (s.Replica, s.Timestamp))).Count();
        var expectedEnds = Enumerable.Range(1, Windows).Select(j => T0.AddSeconds(15 * j)).ToHashSet();
        IEnumerable<FeatureWindow> Mine() => windows.Records.Where(r => r.Key == service).Select(r => r.As<FeatureWindow>());
        var complete = windows.ReadUntil(_ => expectedEnds.IsSubsetOf(Mine().Where(w => w.SampleCount == 15 * Replicas).Select(w => w.WindowEnd)), TimeSpan.FromSeconds(60));
        var overCounted = Mine().Count(w => w.SampleCount > 15 * Replicas);
        var completeWindows = expectedEnds.Count(e => Mine().Any(w => w.WindowEnd == e && w.SampleCount == 15 * Replicas));
        output.WriteLine($"{kills} kills of ingest in {clock.Elapsed.TotalSeconds:F0} s; {seconds * Replicas} samples sent, {acknowledged.Count} acknowledged "
            + $"({client.Attempts} requests, {client.FailedAttempts} failed and retried); {onTopic.Count} records on {TopicNames.Metrics} "
            + $"({onTopic.Count - onTopic.Select(s => (s.Replica, s.Timestamp)).Distinct().Count()} duplicates from retries), {missing} acknowledged samples missing; "
            + $"{completeWindows} of {Windows} windows complete, {overCounted} over-counted");

        Assert.Equal(seconds * Replicas, acknowledged.Count);
        Assert.Equal(0, missing);
        Assert.True(complete, $"windows incomplete\n--- features\n{features.Output}\n--- ingest\n{string.Join("\n--- ingest (restarted)\n", outputs)}");
        Assert.Equal(0, overCounted);
        Assert.True(kills == 0 || client.FailedAttempts > 0, "no request failed: the kills missed the stream");
    }

    /// <summary>One batch per virtual second (a sample of each replica), a virtual second every <see cref="Pace"/>, each until acknowledged.</summary>
    private static async Task PushAsync(PushingClient client, string service, int seconds, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        for (var s = 1; s <= seconds; s++)
        {
            var batch = Enumerable.Range(0, Replicas).Select(r => new MetricSample
            {
                Service = service, Replica = $"r{r}", Timestamp = T0.AddSeconds(s), Requests = 5, Completed = 5, Utilization = 0.5,
            }).ToList();
            await client.PushUntilAcknowledgedAsync(batch, cancellationToken);
            var due = Pace * s;
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed, cancellationToken);
        }
    }
}
