using Confluent.Kafka;
using Pipeline.Runtime.Kafka;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.SerDes;

namespace Pipeline.Features.Streamiz;

/// <summary>The Streamiz configuration of the features stage, with the pipeline's client settings (<see cref="KafkaClientConfigs"/>).</summary>
internal static class StreamizConfig
{
    public static StreamConfig<StringSerDes, ByteArraySerDes> Create(KafkaOptions kafka, StreamizOptions options, string stage)
    {
        var config = new StreamConfig<StringSerDes, ByteArraySerDes>
        {
            // The application id is the consumer group: the same group as the loop engine, so either resumes the other's offsets.
            ApplicationId = $"{kafka.GroupIdPrefix}.{stage}",
            ClientId = $"pipeline-{stage}-streamiz",
            BootstrapServers = kafka.BootstrapServers,
            Guarantee = ProcessingGuarantee.AT_LEAST_ONCE,
            CommitIntervalMs = (long)options.CommitInterval.TotalMilliseconds,
            PollMs = (long)options.PollTimeout.TotalMilliseconds,
            NumStreamThreads = 1,
            StateDir = StateDirectory(options, kafka.BootstrapServers),
            AutoOffsetReset = AutoOffsetReset.Earliest,
            FetchWaitMaxMs = kafka.FetchWaitMaxMs,
            SessionTimeoutMs = kafka.SessionTimeoutMs,
            HeartbeatIntervalMs = kafka.HeartbeatIntervalMs,
            LingerMs = kafka.LingerMs,
            Acks = Acks.All,
            EnableIdempotence = true,
            MessageMaxBytes = kafka.ProducerMessageMaxBytes,
            Logger = StreamizLogging.Instance,
            // Bad values never reach Streamiz's handlers (the topology reads raw bytes; the transformer dead-letters).
            // Anything else stops the stream uncommitted, like a failed delivery stops the loop.
            DeserializationExceptionHandler = (_, _, _) => ExceptionHandlerResponse.FAIL,
            InnerExceptionHandler = _ => ExceptionHandlerResponse.FAIL,
            ProductionExceptionHandler = _ => ProductionExceptionHandlerResponse.FAIL,
        };
        // Security (security.protocol, sasl.*, ssl.*) and any tuning from --kafka-config, for every client Streamiz makes.
        StreamizClientProperties.Apply(config, kafka.ClientProperties);
        return config;
    }

    /// <summary>The state directory for the brokers at <paramref name="bootstrapServers"/>.</summary>
    public static string StateDirectory(StreamizOptions options, string bootstrapServers)
    {
        var root = options.StateDir ?? Path.Combine(".pipeline", "streamiz");
        var brokers = string.Concat(bootstrapServers.Select(c => char.IsLetterOrDigit(c) ? c : '_'));
        return Path.GetFullPath(Path.Combine(root, brokers));
    }
}
