using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Pipeline.Runtime.Kafka.Streaming;

public sealed partial class ConsumeTransformProduceLoop
{
    /// <summary>Partitions assigned: the processor rebuilds their state before their first record.</summary>
    private void Assigned(IConsumer<string?, byte[]> consumer, List<TopicPartition> partitions)
    {
        if (partitions.Count == 0) return;
        BrokersAnswered(); // the group coordinator answered
        RebalanceLog.Assigned(_logger, _processor.Stage, string.Join(',', partitions));
        using var history = new TopicHistory(consumer, _options, _processor.Stage);
        try
        {
            _processor.PartitionsAssigned(partitions, history);
        }
        catch (Exception e) when (e is KafkaException or TimeoutException or InvalidOperationException)
        {
            // The stage goes on from the committed offsets (at least once); only the rebuilt state is incomplete.
            RebalanceLog.RebuildFailed(_logger, _processor.Stage, e);
        }
    }

    /// <summary>
    /// Partitions revoked (another instance takes them): outputs of their records are delivered and what is complete is
    /// committed first, then the processor drops their state. Lost partitions (the session expired, another instance may
    /// already own them) cannot be committed: their state is dropped and the new owner re-reads from the last commit.
    /// </summary>
    private void Revoked(IConsumer<string?, byte[]> consumer, List<TopicPartitionOffset> partitions, bool lost)
    {
        if (partitions.Count == 0) return;
        var revoked = partitions.Select(p => p.TopicPartition).ToHashSet();
        RebalanceLog.Revoked(_logger, _processor.Stage, lost ? "lost" : "revoked", string.Join(',', revoked));
        try
        {
            // The longer shutdown wait: a commit skipped here makes the new owner re-read (and re-emit) more.
            if (!lost) CommitPending(consumer, revoked, ShutdownFlushTimeout);
        }
        finally
        {
            foreach (var p in revoked) _pending.Remove(p);
            _processor.PartitionsRevoked([.. revoked]);
        }
    }

    private static partial class RebalanceLog
    {
        [LoggerMessage(30, LogLevel.Information, "Stage {Stage} assigned {Partitions}")]
        public static partial void Assigned(ILogger logger, string stage, string partitions);

        [LoggerMessage(31, LogLevel.Information, "Stage {Stage} {How} {Partitions}")]
        public static partial void Revoked(ILogger logger, string stage, string how, string partitions);

        [LoggerMessage(32, LogLevel.Warning, "Stage {Stage} could not rebuild the state of its assigned partitions; going on from the committed offsets")]
        public static partial void RebuildFailed(ILogger logger, string stage, Exception exception);
    }
}
