namespace Pipeline.Features.Service;

/// <summary>
/// The held offsets of one input partition, lowest first. Records of a partition arrive in offset order, so a hold is an
/// append and a release only marks the offset; the lowest held offset drops the released ones off the front. That is
/// amortized O(1) per sample without a tree node per offset. An offset arriving out of order (not expected from one
/// consumer) is inserted in its place; one held twice counts once.
/// </summary>
internal sealed class HeldOffsets
{
    private readonly List<long> _offsets = [];
    private readonly HashSet<long> _released = [];
    private int _head;

    public void Hold(long offset)
    {
        if (_offsets.Count == _head || offset > _offsets[^1])
        {
            _offsets.Add(offset);
            return;
        }
        var at = _offsets.BinarySearch(_head, _offsets.Count - _head, offset, null);
        if (at < 0) _offsets.Insert(~at, offset); // an offset already held is held once
    }

    public void Release(long offset) => _released.Add(offset);

    /// <summary>The lowest offset held and not released, or null when none is.</summary>
    public long? Lowest()
    {
        while (_head < _offsets.Count && _released.Remove(_offsets[_head])) _head++;
        if (_head == _offsets.Count)
        {
            _offsets.Clear();
            _head = 0;
            return null;
        }
        if (_head > 1024 && _head > _offsets.Count / 2)
        {
            _offsets.RemoveRange(0, _head);
            _head = 0;
        }
        return _offsets[_head];
    }
}
