using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.Fleet.Proxy.Destinations;
using Pipeline.Runtime.Kafka;

namespace Pipeline.Fleet.Proxy.Kafka;

/// <summary>
/// Reads <see cref="TopicNames.RouteDecisions"/> from the beginning of every partition (no consumer group: every proxy
/// sees every decision, and the last one for its service wins) and applies the weights of its service's decisions.
/// </summary>
internal sealed partial class RouteDecisionListener(KafkaOptions kafka, DestinationTable table, ILogger<RouteDecisionListener> logger)
    : BackgroundService
{
    private long _applied, _invalid;

    /// <summary>Decisions for this service applied so far.</summary>
    public long Applied => Interlocked.Read(ref _applied);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        using var consumer = new ConsumerBuilder<string?, byte[]>(KafkaClientConfigs.WithClientProperties(new ConsumerConfig
        {
            BootstrapServers = kafka.BootstrapServers,
            GroupId = $"proxy-{table.Service}-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            FetchWaitMaxMs = 10,
        }, kafka)).SetLogHandler((_, _) => { }).Build();
        if (!Assign(consumer, stoppingToken)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            var record = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (record?.Message?.Value is { } value) Apply(value);
        }
        consumer.Close();
    }

    private bool Assign(IConsumer<string?, byte[]> consumer, CancellationToken stoppingToken)
    {
        using var admin = new DependentAdminClientBuilder(consumer.Handle).Build();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var topic = admin.GetMetadata(TopicNames.RouteDecisions, TimeSpan.FromSeconds(5)).Topics.Single();
                if (topic.Error.IsError || topic.Partitions.Count == 0) throw new KafkaException(topic.Error);
                consumer.Assign(topic.Partitions.Select(p => new TopicPartitionOffset(TopicNames.RouteDecisions, p.PartitionId, Offset.Beginning)));
                return true;
            }
            catch (KafkaException e)
            {
                LogNoTopic(logger, e.Error.Reason);
                stoppingToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(1));
            }
        }
        return false;
    }

    private void Apply(byte[] value)
    {
        RouteDecision decision;
        try
        {
            decision = JsonSerde<RouteDecision>.Instance.Deserialize(value, false, default);
        }
        catch (JsonException e)
        {
            Interlocked.Increment(ref _invalid);
            LogInvalid(logger, e.Message);
            return;
        }
        if (!string.Equals(decision.Service, table.Service, StringComparison.Ordinal)) return;
        var valid = decision.Weights.Where(w => w.Value >= 0 && double.IsFinite(w.Value)).ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal);
        table.SetWeights(valid);
        Interlocked.Increment(ref _applied);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "route decisions topic not readable yet: {Reason}")]
    private static partial void LogNoTopic(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "unreadable route decision skipped: {Reason}")]
    private static partial void LogInvalid(ILogger logger, string reason);
}
