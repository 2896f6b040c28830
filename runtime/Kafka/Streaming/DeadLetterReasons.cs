using System.Collections.Concurrent;

namespace Pipeline.Runtime.Kafka.Streaming;

/// <summary>
/// Dead letters counted by the kind of their reason: the words before the first ':' ("invalid", "late", "limit",
/// "output too large", ...). The number of kinds is bounded (<see cref="MaxKinds"/>), so a reason built from input cannot
/// grow the metrics without end; kinds past the bound, and reasons without a plain kind, count as "other".
/// </summary>
public sealed class DeadLetterReasons
{
    /// <summary>Most distinct kinds kept; later ones count as "other".</summary>
    public const int MaxKinds = 32;

    private readonly ConcurrentDictionary<string, long[]> _byKind = new(StringComparer.Ordinal);

    /// <summary>Counts one dead letter with <paramref name="reason"/>.</summary>
    public void Add(string reason)
    {
        var kind = Kind(reason);
        if (!_byKind.ContainsKey(kind) && _byKind.Count >= MaxKinds) kind = "other";
        Interlocked.Increment(ref _byKind.GetOrAdd(kind, _ => new long[1])[0]);
    }

    /// <summary>Counts per kind, ordered by kind.</summary>
    public IReadOnlyList<(string Kind, long Count)> All =>
        _byKind.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, Interlocked.Read(ref p.Value[0]))).ToList();

    /// <summary>The kind of <paramref name="reason"/>: its lower-case words before the first ':' (letters, spaces, '-'), else "other".</summary>
    public static string Kind(string reason)
    {
        var colon = reason.IndexOf(':');
        if (colon <= 0 || colon > 40) return "other";
        var kind = reason[..colon].Trim();
        return kind.Length > 0 && kind.All(c => c is (>= 'a' and <= 'z') or ' ' or '-') ? kind : "other";
    }
}
