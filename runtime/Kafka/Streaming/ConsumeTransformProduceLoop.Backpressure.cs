using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace Pipeline.Runtime.Kafka.Streaming;

public sealed partial class ConsumeTransformProduceLoop
{
    private bool _paused;

    /// <summary>
    /// Pauses every assigned partition while the processor reports <see cref="IStageProcessor.Backpressure"/> and resumes
    /// them when it clears. librdkafka resumes a paused partition at the last consumed position, so nothing is skipped;
    /// the loop keeps polling meanwhile, so the group keeps the stage and its health stays current.
    /// </summary>
    private void ApplyBackpressure(IConsumer<string?, byte[]> consumer)
    {
        var reason = _processor.Backpressure;
        if (reason is not null)
        {
            _counter.SetPaused(reason);
            if (_paused) return;
            consumer.Pause(consumer.Assignment);
            _paused = true;
            PauseLog.Paused(_logger, _processor.Stage, reason);
        }
        else if (_paused)
        {
            consumer.Resume(consumer.Assignment);
            _paused = false;
            _counter.SetPaused(null);
            PauseLog.Resumed(_logger, _processor.Stage);
        }
    }

    /// <summary>A record came while paused (a partition assigned since the pause): pause the whole assignment again.</summary>
    private void PauseNewlyAssigned(IConsumer<string?, byte[]> consumer)
    {
        if (_paused) consumer.Pause(consumer.Assignment);
    }

    private static partial class PauseLog
    {
        [LoggerMessage(20, LogLevel.Warning, "Stage {Stage} paused consumption, committing nothing: {Reason}")]
        public static partial void Paused(ILogger logger, string stage, string reason);

        [LoggerMessage(21, LogLevel.Information, "Stage {Stage} resumed consumption")]
        public static partial void Resumed(ILogger logger, string stage);
    }
}
