using Confluent.Kafka;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;

namespace Pipeline.Runtime.Kafka.Streaming;

public sealed partial class ConsumeTransformProduceLoop
{
    /// <summary>The <see cref="IStageOutput"/> of one record (or of a tick, without a record).</summary>
    private sealed class Output(ConsumeTransformProduceLoop loop, InputMessage? input) : IStageOutput
    {
        private bool _deadLettered;

        public void Publish<T>(string topic, string key, T message)
        {
            var value = JsonSerde<T>.Instance.Serialize(message, default);
            if (OutputGuard.Rejection(topic, key, value.Length, loop._options.LimitFor(topic)) is { } tooLarge)
            {
                loop.DeadLetterOutput(topic, key, value, tooLarge, input?.Origin);
                return;
            }
            try
            {
                loop.Produce(topic, key, value, input?.Origin);
            }
            catch (ProduceException<string?, byte[]> e) when (e.Error.Code == ErrorCode.MsgSizeTooLarge)
            {
                loop.DeadLetterOutput(topic, key, value, OutputGuard.Refused(topic, key, value.Length, e.Error.Reason), input?.Origin);
                return;
            }
            loop._counter.AddPublished(topic);
        }

        public void DeadLetter(string reason)
        {
            if (input is null) throw new InvalidOperationException("DeadLetter needs a message being processed; Tick has none.");
            if (_deadLettered) return;
            _deadLettered = true;
            if (input.Topic == TopicNames.DeadLetters)
            {
                // Re-dead-lettering a dead letter could loop forever; it stays where it is, in the dead-letter topic.
                loop._counter.AddDeadLettered(input.Topic);
                loop._counter.AddDeadLetterReason(reason);
                Log.DeadLetterUnprocessable(loop._logger, loop._processor.Stage, input.Partition, input.Offset, reason);
                return;
            }
            var letter = DeadLetterFactory.Create(loop._processor.Stage, input, reason, loop._options.MaxMessageBytes, loop._time.GetUtcNow());
            loop.Produce(TopicNames.DeadLetters, input.Key, JsonSerde<DeadLetter>.Instance.Serialize(letter, default), input.Origin);
            loop._counter.AddDeadLettered(input.Topic);
            loop._counter.AddDeadLetterReason(reason);
            Log.DeadLettered(loop._logger, loop._processor.Stage, input.Topic, input.Offset, letter.Reason);
        }
    }

    /// <summary>Sends an output that may not be published to the dead-letter topic instead (its own bytes, truncated), counted under its topic.</summary>
    private void DeadLetterOutput(string topic, string? key, byte[] value, string reason, DateTimeOffset? origin)
    {
        var now = _time.GetUtcNow();
        var letter = DeadLetterFactory.Create(_processor.Stage, OutputGuard.AsInput(topic, key, value, now, origin), reason, _options.MaxMessageBytes, now);
        Produce(TopicNames.DeadLetters, key, JsonSerde<DeadLetter>.Instance.Serialize(letter, default), origin);
        _counter.AddDeadLettered(topic);
        _counter.AddDeadLetterReason(reason);
        Log.OutputDeadLettered(_logger, _processor.Stage, topic, letter.Reason);
    }
}
