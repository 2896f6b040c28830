using Confluent.Kafka;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Runtime.Kafka.Streaming;

namespace Pipeline.Features.Service;

/// <summary>
/// The newest window end per service already on <see cref="TopicNames.Features"/> when partitions were assigned. The
/// stage re-reads its partitions from the committed offset, which stays behind the oldest open window's samples, so it
/// also re-reads samples of windows that closed after it: those windows come out again, partial, and are suppressed
/// here. Windows of a service close in order, so a window ending at or before the newest one emitted is such a repeat.
/// </summary>
internal sealed class EmittedWindows
{
    private readonly Dictionary<string, long> _newestEnd = new(StringComparer.Ordinal);

    /// <summary>Reads the windows emitted since the oldest record the stage will re-read from <paramref name="partitions"/>.</summary>
    public void Rebuild(IReadOnlyList<TopicPartition> partitions, ITopicHistory history)
    {
        if (history.OutputsSince(partitions) is not { } since) return;
        history.ReadSince(TopicNames.Features, since, m =>
        {
            if (!MessageReader.TryRead<FeatureWindow>(m, out var window, out _)) return;
            var end = window.WindowEnd.UtcTicks;
            if (!_newestEnd.TryGetValue(window.Service, out var newest) || end > newest) _newestEnd[window.Service] = end;
        });
    }

    /// <summary>True when <paramref name="window"/> (or a later one of its service) was emitted before the assignment.</summary>
    public bool AlreadyEmitted(FeatureWindow window)
    {
        if (!_newestEnd.TryGetValue(window.Service, out var newest)) return false;
        if (window.WindowEnd.UtcTicks <= newest) return true;
        _newestEnd.Remove(window.Service); // past the repeats: later windows of the service are new
        return false;
    }
}
