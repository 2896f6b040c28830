using Confluent.Kafka;
using Streamiz.Kafka.Net.SerDes;

namespace Pipeline.Features.Streamiz;

/// <summary>Writes a <see cref="StageRecord"/>'s value bytes as they are; outputs are never read back through it.</summary>
internal sealed class StageRecordSerDes : AbstractSerDes<StageRecord>
{
    public override byte[] Serialize(StageRecord data, SerializationContext context) => data.Value;

    public override StageRecord Deserialize(byte[] data, SerializationContext context) =>
        throw new NotSupportedException("stage outputs are written, never read, through this serde");
}
