namespace Pipeline.Runtime.Kafka.Streaming;

/// <summary>
/// Counts one stage's own outputs that the producer has not acknowledged yet. The process's producer is shared by every
/// stage, so <c>IProducer.Flush</c> waits for (and reports) every stage's queue: with other stages producing steadily it
/// can miss its deadline or return a non-zero count produced after it had drained, although this stage's outputs were
/// all delivered. A commit waits for this count instead.
/// Counting is lock-free (the stage's loop and the producer's delivery thread count every output); only a waiter and
/// the report that brings the count to zero take the lock.
/// </summary>
public sealed class DeliveryTracker
{
    private readonly object _gate = new();
    private long _outstanding;

    /// <summary>Outputs sent and not yet acknowledged (delivered or failed).</summary>
    public long Outstanding => Interlocked.Read(ref _outstanding);

    /// <summary>Records one output handed to the producer.</summary>
    public void Sent() => Interlocked.Increment(ref _outstanding);

    /// <summary>Records one delivery report (success or failure) for an output of this stage.</summary>
    public void Acknowledged()
    {
        if (Interlocked.Decrement(ref _outstanding) > 0) return;
        lock (_gate) Monitor.PulseAll(_gate); // a waiter checks the count under the lock, so it cannot miss this pulse
    }

    /// <summary>Waits until every output sent so far is acknowledged; false when <paramref name="timeout"/> passes first.</summary>
    public bool WaitAll(TimeSpan timeout)
    {
        if (Outstanding <= 0) return true;
        var deadline = DateTime.UtcNow + timeout;
        lock (_gate)
        {
            while (Outstanding > 0)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) return false;
                Monitor.Wait(_gate, left);
            }
            return true;
        }
    }
}
