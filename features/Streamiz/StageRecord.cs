namespace Pipeline.Features.Streamiz;

/// <summary>One output of the features transformer: its topic, serialized value and the origin header to carry.</summary>
internal sealed record StageRecord(string Topic, byte[] Value, DateTimeOffset? Origin);
