using Microsoft.Extensions.Logging;
using Pipeline.Features.Windowing;
using Pipeline.Runtime.Kafka.Streaming;

namespace Pipeline.Features.Streamiz;

/// <summary>What every <see cref="FeaturesTransformer"/> (one per Streamiz task) is created with.</summary>
internal sealed record FeaturesTaskServices(WindowingOptions Windowing, TimeProvider Time, StageCounter Counter, int MaxMessageBytes, ILogger Logger)
{
    /// <summary>Largest feature window published; bigger ones are dead-lettered (see <see cref="OutputGuard"/>).</summary>
    public int MaxOutputBytes { get; init; } = int.MaxValue;

    /// <summary>Where the tasks report their input positions, for the consumer lag.</summary>
    public PartitionPositions Positions { get; } = new();

    /// <summary>Services with state over every task, so <see cref="WindowingOptions.MaxServices"/> bounds the stage.</summary>
    public ServiceTally Services { get; } = new();
}
