using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Cli.Fleet;
using Pipeline.Fleet.Load;
using Pipeline.Predictor.Service;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Embedded;
using Pipeline.Contracts.Topics;

namespace Pipeline.Cli.SimToReal;

/// <summary>
/// The real side of one combination: a fresh embedded broker, the real fleet (proxy, replica processes, stages) with a
/// decision step pre-rolled exactly as the simulated side's, and the load generator following the segment through the
/// proxy. The load starts at the pre-roll's end (or as soon after it as the fleet is up, which the notes say).
/// </summary>
internal static class RealSide
{
    public static async Task<(SideFigures Figures, LoadResult Load, string Note)> RunAsync(SegmentLoad load, string autoscaler, string balancer,
        DateTimeOffset segmentStart, Action<string> log, ILoggerFactory logging, CancellationToken cancellationToken,
        Action<IServiceCollection, KafkaOptions>? extra = null)
    {
        var s = load.Settings;
        var prerolled = new SimSide(load, autoscaler, balancer, segmentStart - s.Preroll);
        var initial = prerolled.Preroll(segmentStart);
        log($"real: pre-roll done ({s.Preroll.TotalMinutes:0} min of the load through the same step), {initial} replicas at the segment's start");
        using var broker = EmbeddedKafkaCluster.Start();
        broker.CreateTopics(TopicNames.All);
        var kafka = new KafkaOptions { BootstrapServers = broker.BootstrapServers, GroupIdPrefix = $"s2r-{Guid.NewGuid():N}"[..12] };
        var fleetOptions = new RealFleetOptions { Balancer = balancer, Replica = s.Replica, InitialReplicas = initial, MaxReplicas = s.MaxReplicas };
        await using var fleet = await RealFleet.StartAsync(fleetOptions, kafka, prerolled.Step, logging, cancellationToken,
            extra is null ? null : services => extra(services, kafka));
        var wait = segmentStart - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);
        var late = DateTimeOffset.UtcNow - segmentStart;
        var note = late > TimeSpan.FromSeconds(1) ? $"load started {late.TotalSeconds:0.0} s after the pre-roll's end (fleet start-up took longer)" : "";
        log($"real: {fleet.Target.Status}; load through {fleet.WorkUrl} for {s.Duration}");
        var replicaSecondsBefore = fleet.Meter.ReplicaSeconds;
        var changesBefore = fleet.Counting.ScaleChanges;
        var result = await new LoadGenerator(new LoadOptions
        {
            Url = fleet.WorkUrl,
            Rate = load.Rate(),
            Duration = s.Duration,
            Slo = s.Slo,
            Seed = (int)s.Seed,
            Progress = line => log($"real: {line}; fleet {fleet.Target.Status}"),
            ProgressInterval = TimeSpan.FromSeconds(30),
        }).RunAsync(cancellationToken);
        var figures = new SideFigures
        {
            Requests = result.Arrivals,
            P50Ms = result.FromScheduled.P50,
            P95Ms = result.FromScheduled.P95,
            P99Ms = result.FromScheduled.P99,
            SlowOrFailed = result.SlowerThanSlo + result.Errors + result.NotSentSaturated,
            ReplicaSeconds = fleet.Meter.ReplicaSeconds - replicaSecondsBefore,
            ScaleChanges = fleet.Counting.ScaleChanges - changesBefore,
            MaxReplicas = fleet.Meter.MaxRunning,
        };
        return (figures, result, note);
    }
}
