using System.Globalization;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Streamiz.Kafka.Net.State;

namespace Pipeline.Features.Streamiz;

/// <summary>
/// The accepted samples whose window has not been emitted yet, kept in a Streamiz key-value store (one per task) so a
/// restarted task rebuilds its open windows: Streamiz commits every processed offset and cannot hold one back.
/// A sample is removed when a window of its service ending at or after its timestamp is emitted.
/// </summary>
internal sealed class OpenSamples(IKeyValueStore<string, byte[]> store)
{
    /// <summary>The store's name in the topology (and of its changelog topic, <c>{application id}-{name}-changelog</c>).</summary>
    public const string StoreName = "features-open-samples";

    private readonly Dictionary<string, List<(long Ticks, string Key)>> _byService = new(StringComparer.Ordinal);

    /// <summary>Reads the stored samples (after a restart), oldest first, and indexes them.</summary>
    public IReadOnlyList<MetricSample> Load()
    {
        var samples = new List<MetricSample>();
        using (var all = store.All().GetEnumerator())
        {
            while (all.MoveNext())
            {
                var sample = JsonSerde<MetricSample>.Instance.Deserialize(all.Current.Value, false, default);
                samples.Add(sample);
                Index(sample, all.Current.Key);
            }
        }
        return samples.OrderBy(s => s.Timestamp).ToList();
    }

    /// <summary>Stores an accepted sample.</summary>
    public void Hold(MetricSample sample)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{sample.Service}\u001f{sample.Replica}\u001f{sample.Timestamp.UtcTicks}");
        store.Put(key, JsonSerde<MetricSample>.Instance.Serialize(sample, default));
        Index(sample, key);
    }

    /// <summary>Removes the samples of <paramref name="service"/> stamped at or before <paramref name="windowEnd"/>.</summary>
    public void Release(string service, DateTimeOffset windowEnd)
    {
        if (!_byService.TryGetValue(service, out var held)) return;
        var end = windowEnd.UtcTicks;
        foreach (var (_, key) in held.Where(h => h.Ticks <= end)) store.Delete(key);
        held.RemoveAll(h => h.Ticks <= end);
    }

    private void Index(MetricSample sample, string key)
    {
        if (!_byService.TryGetValue(sample.Service, out var held)) _byService[sample.Service] = held = [];
        held.Add((sample.Timestamp.UtcTicks, key));
    }
}
