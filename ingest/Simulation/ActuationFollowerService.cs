using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Simulator.Cluster;

namespace Pipeline.Ingest.Simulation;

/// <summary>
/// For a simulated cluster in its own process: applies the results the actuator published with target <c>simulator</c>
/// to the cluster, scale results (status applied or clamped) as the replica count and route results (applied) as the
/// weights they carry, so both kinds of decision take effect across processes.
/// Reads only results published after it starts (the cluster starts fresh too). A record it cannot read is counted
/// (<see cref="Unreadable"/>) and logged with its position and reason; the sink, which reads the same topic in its own
/// consume loop, dead-letters it, so it is not dead-lettered twice here. A readable result the cluster cannot take
/// (a negative or huge replica count) is counted (<see cref="Invalid"/>), logged and skipped; the process goes on.
/// </summary>
public sealed partial class ActuationFollowerService(SimulatedCluster cluster, KafkaOptions options, ILogger<ActuationFollowerService> logger)
    : BackgroundService
{
    private long _unreadable;
    private long _invalid;

    /// <summary>Records on the actuations topic that were not a readable <see cref="ActuationResult"/>.</summary>
    public long Unreadable => Interlocked.Read(ref _unreadable);

    /// <summary>Readable results the cluster could not take (e.g. a negative or huge replica count): counted, logged, skipped.</summary>
    public long Invalid => Interlocked.Read(ref _invalid);

    /// <summary>Most replicas a scale result may set; a result asking more is invalid (a forged record must not exhaust memory).</summary>
    public int MaxReplicas { get; init; } = 1_000;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        var config = KafkaClientConfigs.Consumer(options, $"simulator-follower-{Guid.NewGuid():N}", "pipeline-simulator-follower");
        config.AutoOffsetReset = AutoOffsetReset.Latest;
        using var consumer = new ConsumerBuilder<string?, byte[]>(config).SetLogHandler((_, _) => { }).Build();
        consumer.Subscribe(TopicNames.Actuations);
        while (!stoppingToken.IsCancellationRequested)
        {
            var record = consumer.Consume(TimeSpan.FromMilliseconds(100));
            if (record?.Message?.Value is not { } value) continue;
            var input = new InputMessage(record.Topic, record.Partition.Value, record.Offset.Value, record.Message.Key, value, record.Message.Timestamp.UtcDateTime);
            if (!MessageReader.TryRead<ActuationResult>(input, out var result, out var reason))
            {
                Interlocked.Increment(ref _unreadable);
                Log.Unreadable(logger, record.Topic, record.Partition.Value, record.Offset.Value, reason);
                continue;
            }
            if (result is not { Target: "simulator", Status: ActuationStatuses.Applied or ActuationStatuses.Clamped }) continue;
            var scale = result.Kind == "scale";
            if (!scale && result is not { Kind: "route", Weights.Count: > 0 }) continue;
            if (scale && (result.AppliedReplicas < 0 || result.AppliedReplicas > MaxReplicas))
            {
                Skip(record, $"appliedReplicas {result.AppliedReplicas} is outside [0, {MaxReplicas}]");
                continue;
            }
            try
            {
                lock (cluster)
                {
                    if (!cluster.Services.Contains(result.Service, StringComparer.Ordinal)) continue;
                    if (scale) cluster.SetDesiredReplicas(result.Service, result.AppliedReplicas);
                    else cluster.SetRouteWeights(result.Service, result.Weights!);
                }
            }
            catch (ArgumentException e)
            {
                Skip(record, e.Message);
                continue;
            }
            if (scale) Log.Followed(logger, result.Service, result.AppliedReplicas, result.DecisionId);
        }
        consumer.Close();
    }

    private void Skip(ConsumeResult<string?, byte[]> record, string reason)
    {
        Interlocked.Increment(ref _invalid);
        Log.Invalid(logger, record.Topic, record.Partition.Value, record.Offset.Value, reason);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Simulated {Service} set to {Replicas} replicas by decision {DecisionId}")]
        public static partial void Followed(ILogger logger, string service, int replicas, string decisionId);

        [LoggerMessage(2, LogLevel.Warning, "Unreadable actuation result at {Topic} [{Partition}] @{Offset} skipped: {Reason}")]
        public static partial void Unreadable(ILogger logger, string topic, int partition, long offset, string reason);

        [LoggerMessage(3, LogLevel.Warning, "Actuation result at {Topic} [{Partition}] @{Offset} not applied to the simulated cluster: {Reason}")]
        public static partial void Invalid(ILogger logger, string topic, int partition, long offset, string reason);
    }
}
