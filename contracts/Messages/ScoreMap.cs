using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Pipeline.Contracts.Messages;

/// <summary>
/// A small read-only map of named scores in insertion order, for <see cref="FeatureWindow.Normalized"/>: one array of
/// pairs, looked up by a linear scan (a window has four). The features stage builds one per window; a dictionary there
/// was a seventh of the stage's allocation (its buckets and entries arrays besides the object).
/// </summary>
public sealed class ScoreMap : IReadOnlyDictionary<string, double>
{
    private readonly KeyValuePair<string, double>[] _pairs;

    /// <summary>The empty map (no room: nothing can be added to it), shared.</summary>
    public static ScoreMap Empty { get; } = new(0);

    /// <summary>A map with room for <paramref name="capacity"/> scores, filled by <see cref="Add"/>.</summary>
    public ScoreMap(int capacity) => _pairs = new KeyValuePair<string, double>[capacity];

    public int Count { get; private set; }

    /// <summary>Appends a score; the key must be new and there must be room.</summary>
    public void Add(string key, double value)
    {
        if (ContainsKey(key)) throw new ArgumentException($"key {key} is already present", nameof(key));
        if (Count == _pairs.Length) throw new InvalidOperationException($"the map holds its {_pairs.Length} scores already");
        _pairs[Count] = new(key, value);
        Count++;
    }

    /// <summary>The pair at <paramref name="index"/> (insertion order), without an enumerator.</summary>
    public KeyValuePair<string, double> At(int index) => (uint)index < (uint)Count ? _pairs[index] : throw new ArgumentOutOfRangeException(nameof(index));

    public double this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no score named {key}");

    public IEnumerable<string> Keys => _pairs.Take(Count).Select(p => p.Key);

    public IEnumerable<double> Values => _pairs.Take(Count).Select(p => p.Value);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out double value)
    {
        for (var i = 0; i < Count; i++)
        {
            if (!string.Equals(_pairs[i].Key, key, StringComparison.Ordinal)) continue;
            value = _pairs[i].Value;
            return true;
        }
        value = default;
        return false;
    }

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator() => _pairs.Take(Count).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
