namespace Pipeline.Ingest.Sources.Prometheus;

/// <summary>
/// Turns cumulative counters into per-interval increases, per series key. A counter lower than its previous value was
/// reset (the process restarted): its increase is the new value, as Prometheus' <c>increase()</c> counts it.
/// The first value of a series is a baseline and has no increase.
/// </summary>
internal sealed class CounterDeltas
{
    private readonly Dictionary<string, double> _last = new(StringComparer.Ordinal);

    /// <summary>
    /// The increase of <paramref name="key"/> since its previous value, or null for a first value;
    /// <paramref name="resetFrom"/> is the previous value when the counter went down.
    /// </summary>
    public double? Advance(string key, double value, out double? resetFrom)
    {
        resetFrom = null;
        var known = _last.TryGetValue(key, out var previous);
        _last[key] = value;
        if (!known) return null;
        if (value >= previous) return value - previous;
        resetFrom = previous;
        return value;
    }

    /// <summary>Forgets <paramref name="key"/>, so that its next value is a new baseline (the series went missing).</summary>
    public void Forget(string key) => _last.Remove(key);

    /// <summary>Forgets every key starting with <paramref name="prefix"/>.</summary>
    public void ForgetPrefix(string prefix)
    {
        foreach (var key in _last.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList()) _last.Remove(key);
    }
}
