using Microsoft.Extensions.Logging;
using Pipeline.Contracts.Topics;
using Pipeline.Features.Windowing;
using Pipeline.Runtime.Kafka.Streaming;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.Stream;

namespace Pipeline.Features.Streamiz;

/// <summary>
/// metrics → <see cref="FeaturesTransformer"/> (with the <see cref="OpenSamples"/> store) → features or dead letters,
/// routed per record by <see cref="OutputRouting"/>.
/// </summary>
internal static class FeaturesTopology
{
    public static Topology Build(FeaturesTaskServices services, bool changelog)
    {
        var store = Stores.KeyValueStoreBuilder(Stores.PersistentKeyValueStore(OpenSamples.StoreName), new StringSerDes(), new ByteArraySerDes())
            .WithCachingDisabled();
        store = changelog ? store.WithLoggingEnabled(null) : store.WithLoggingDisabled();
        var transformer = TransformerBuilder.New<string, byte[], string, StageRecord>()
            .Transformer<FeaturesTransformer>(services)
            .StateStore(store)
            .Build();
        var routing = new OutputRouting();
        var builder = new StreamBuilder();
        builder.Stream(TopicNames.Metrics, new StringSerDes(), new ByteArraySerDes())
            .Transform(transformer)
            .To(routing, new StringSerDes(), new StageRecordSerDes(), routing);
        return builder.Build();
    }
}
