using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Pipeline.Runtime.Kafka.Hosting;

/// <summary>Creates missing topics on a real broker with AdminClient (the mock cluster's topics come from <c>pipeline broker</c>).</summary>
public static class TopicProvisioner
{
    /// <summary>
    /// Creates the topics of <paramref name="topics"/> that the broker does not list yet and returns their names.
    /// A broker that refuses creation (the mock cluster) is reported by the exception's message, naming the topics.
    /// </summary>
    public static Task<IReadOnlyList<string>> EnsureAsync(string bootstrapServers, IEnumerable<(string Name, int Partitions)> topics,
        short replicationFactor = 1, CancellationToken cancellationToken = default) =>
        EnsureAsync(new KafkaOptions { BootstrapServers = bootstrapServers }, topics, replicationFactor, cancellationToken);

    /// <summary>As above, with the client properties (security settings) of <paramref name="options"/>.</summary>
    public static async Task<IReadOnlyList<string>> EnsureAsync(KafkaOptions options, IEnumerable<(string Name, int Partitions)> topics,
        short replicationFactor = 1, CancellationToken cancellationToken = default)
    {
        using var admin = new AdminClientBuilder(KafkaClientConfigs.Admin(options))
            .SetLogHandler((_, _) => { })
            .Build();
        var existing = admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics
            .Where(t => t.Error.Code == ErrorCode.NoError)
            .Select(t => t.Topic)
            .ToHashSet(StringComparer.Ordinal);
        var missing = topics.Where(t => !existing.Contains(t.Name))
            .Select(t => new TopicSpecification { Name = t.Name, NumPartitions = t.Partitions, ReplicationFactor = replicationFactor })
            .ToList();
        if (missing.Count == 0) return [];
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await admin.CreateTopicsAsync(missing).ConfigureAwait(false);
        }
        catch (CreateTopicsException e) when (e.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
            // Another process created them first.
        }
        return missing.Select(t => t.Name).ToList();
    }
}
