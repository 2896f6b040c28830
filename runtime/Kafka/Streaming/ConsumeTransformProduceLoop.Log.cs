using Microsoft.Extensions.Logging;

namespace Pipeline.Runtime.Kafka.Streaming;

public sealed partial class ConsumeTransformProduceLoop
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Stage {Stage} consuming {Topics} as group {Group}")]
        public static partial void Started(ILogger logger, string stage, string topics, string? group);

        [LoggerMessage(2, LogLevel.Information, "Stage {Stage} stopped: consumed {Consumed}, published {Published}, dead-lettered {DeadLettered}")]
        public static partial void Stopped(ILogger logger, string stage, long consumed, long published, long deadLettered);

        [LoggerMessage(3, LogLevel.Warning, "Stage {Stage} consumer error: {Reason}")]
        public static partial void ConsumerError(ILogger logger, string stage, string reason);

        [LoggerMessage(4, LogLevel.Debug, "Stage {Stage} librdkafka: {Message}")]
        public static partial void ClientLog(ILogger logger, string stage, string message);

        [LoggerMessage(5, LogLevel.Warning, "Stage {Stage} failed on {Topic}[{Partition}]@{Offset}; dead-lettering it")]
        public static partial void ProcessFailed(ILogger logger, string stage, string topic, int partition, long offset, Exception exception);

        [LoggerMessage(6, LogLevel.Warning, "Stage {Stage} commit failed: {Reason}")]
        public static partial void CommitFailed(ILogger logger, string stage, string reason);

        [LoggerMessage(8, LogLevel.Warning, "Stage {Stage} periodic work failed")]
        public static partial void TickFailed(ILogger logger, string stage, Exception exception);

        [LoggerMessage(9, LogLevel.Warning, "Stage {Stage} cannot process dead letter {Partition}@{Offset} ({Reason}); it stays in the dead-letter topic")]
        public static partial void DeadLetterUnprocessable(ILogger logger, string stage, int partition, long offset, string reason);

        [LoggerMessage(10, LogLevel.Warning, "Stage {Stage}: {Outstanding} outputs not delivered within {Seconds} s (broker unreachable?); committing nothing until they are, still polling")]
        public static partial void DeliveriesPending(ILogger logger, string stage, long outstanding, double seconds);

        [LoggerMessage(11, LogLevel.Warning, "Stage {Stage} did not publish to {Topic}: {Reason}; dead-lettered")]
        public static partial void OutputDeadLettered(ILogger logger, string stage, string topic, string reason);

        [LoggerMessage(7, LogLevel.Debug, "Stage {Stage} dead-lettered {Topic}@{Offset}: {Reason}")]
        public static partial void DeadLettered(ILogger logger, string stage, string topic, long offset, string reason);
    }
}
