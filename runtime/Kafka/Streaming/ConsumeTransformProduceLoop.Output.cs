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
            loop.Produce(topic, key, JsonSerde<T>.Instance.Serialize(message, default), input?.Origin);
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
                Log.DeadLetterUnprocessable(loop._logger, loop._processor.Stage, input.Partition, input.Offset, reason);
                return;
            }
            var letter = DeadLetterFactory.Create(loop._processor.Stage, input, reason, loop._options.MaxMessageBytes, loop._time.GetUtcNow());
            loop.Produce(TopicNames.DeadLetters, input.Key, JsonSerde<DeadLetter>.Instance.Serialize(letter, default), input.Origin);
            loop._counter.AddDeadLettered(input.Topic);
            Log.DeadLettered(loop._logger, loop._processor.Stage, input.Topic, input.Offset, letter.Reason);
        }
    }
}
