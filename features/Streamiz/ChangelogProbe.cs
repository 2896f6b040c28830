using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Pipeline.Runtime.Kafka;

namespace Pipeline.Features.Streamiz;

/// <summary>
/// Whether the broker can create topics, which a changelog topic needs: a real Kafka validates a creation request,
/// the embedded librdkafka mock cluster answers that CreateTopics is not supported.
/// </summary>
internal static class ChangelogProbe
{
    public static async Task<bool> CanCreateTopicsAsync(KafkaOptions kafka)
    {
        using var admin = new AdminClientBuilder(KafkaClientConfigs.Admin(kafka)).Build();
        try
        {
            var probe = new TopicSpecification { Name = $"pipeline-changelog-probe-{Guid.NewGuid():N}", NumPartitions = 1, ReplicationFactor = 1 };
            await admin.CreateTopicsAsync([probe], new CreateTopicsOptions { ValidateOnly = true, RequestTimeout = TimeSpan.FromSeconds(10) });
            return true;
        }
        catch (KafkaException)
        {
            return false;
        }
    }
}
