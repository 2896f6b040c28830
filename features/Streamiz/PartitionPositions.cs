using System.Collections.Concurrent;

namespace Pipeline.Features.Streamiz;

/// <summary>
/// The next offset to process of each input partition a task of this process owns (Streamiz does not expose its
/// consumer), from which <see cref="LagReporter"/> computes the consumer lag.
/// </summary>
internal sealed class PartitionPositions
{
    private readonly ConcurrentDictionary<int, long> _next = new();

    /// <summary>Records that <paramref name="offset"/> of <paramref name="partition"/> was processed.</summary>
    public void Processed(int partition, long offset) => _next[partition] = offset + 1;

    /// <summary>Forgets a partition whose task closed (revoked or stopped).</summary>
    public void Closed(int partition) => _next.TryRemove(partition, out _);

    /// <summary>A snapshot of (partition, next offset).</summary>
    public IReadOnlyList<KeyValuePair<int, long>> Snapshot() => _next.ToArray();
}
