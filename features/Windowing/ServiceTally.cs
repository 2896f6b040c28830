namespace Pipeline.Features.Windowing;

/// <summary>
/// Services with state across several <see cref="WindowAggregator"/>s (one per input partition), so that
/// <see cref="WindowingOptions.MaxServices"/> bounds the stage, not each partition. Thread-safe.
/// </summary>
public sealed class ServiceTally
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Takes one place if fewer than <paramref name="max"/> are taken; false when the limit is reached.</summary>
    public bool TryTake(int max)
    {
        while (true)
        {
            var count = Volatile.Read(ref _count);
            if (count >= max) return false;
            if (Interlocked.CompareExchange(ref _count, count + 1, count) == count) return true;
        }
    }

    public void Release(int places) => Interlocked.Add(ref _count, -places);
}
