namespace Pipeline.Contracts.Kafka.Streaming;

/// <summary>One consumed Kafka record, value still undeserialized.</summary>
public sealed record InputMessage(string Topic, int Partition, long Offset, string? Key, byte[] Value, DateTimeOffset Timestamp);
