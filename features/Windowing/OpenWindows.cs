namespace Pipeline.Features.Windowing;

/// <summary>
/// One service's open windows by window index, oldest first. A service has few open at once (the grace over the window
/// size, plus one), so a sorted list serves them: the oldest is the first entry, read without the enumerator (and its
/// stack) a sorted dictionary allocates for every look at its first key.
/// </summary>
internal sealed class OpenWindows
{
    private readonly List<(long Index, WindowAccumulator Window)> _windows = [];

    public int Count => _windows.Count;

    /// <summary>Index of the oldest open window; only when <see cref="Count"/> &gt; 0.</summary>
    public long OldestIndex => _windows[0].Index;

    /// <summary>Index of the newest open window; only when <see cref="Count"/> &gt; 0.</summary>
    public long NewestIndex => _windows[^1].Index;

    public bool TryGet(long index, out WindowAccumulator window)
    {
        var at = Find(index);
        window = at >= 0 ? _windows[at].Window : null!;
        return at >= 0;
    }

    /// <summary>Opens a window at <paramref name="index"/>, which must not be open.</summary>
    public void Add(long index, WindowAccumulator window)
    {
        var at = Find(index);
        if (at >= 0) throw new InvalidOperationException($"window {index} is already open");
        _windows.Insert(~at, (index, window));
    }

    /// <summary>Removes and returns the oldest open window.</summary>
    public WindowAccumulator RemoveOldest()
    {
        var window = _windows[0].Window;
        _windows.RemoveAt(0);
        return window;
    }

    /// <summary>Position of <paramref name="index"/>, or the complement of where it would go (newest last, so usually found from the end).</summary>
    private int Find(long index)
    {
        var (lo, hi) = (0, _windows.Count - 1);
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var key = _windows[mid].Index;
            if (key == index) return mid;
            if (key < index) lo = mid + 1;
            else hi = mid - 1;
        }
        return ~lo;
    }
}
