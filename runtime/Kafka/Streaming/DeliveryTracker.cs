namespace Pipeline.Runtime.Kafka.Streaming;

/// <summary>
/// Counts one stage's own outputs that the producer has not acknowledged yet. The process's producer is shared by every
/// stage, so <c>IProducer.Flush</c> waits for (and reports) every stage's queue: with other stages producing steadily it
/// can miss its deadline or return a non-zero count produced after it had drained, although this stage's outputs were
/// all delivered. A commit waits for this count instead.
/// </summary>
public sealed class DeliveryTracker
{
    private readonly object _gate = new();
    private long _outstanding;

    /// <summary>Outputs sent and not yet acknowledged (delivered or failed).</summary>
    public long Outstanding
    {
        get { lock (_gate) return _outstanding; }
    }

    /// <summary>Records one output handed to the producer.</summary>
    public void Sent()
    {
        lock (_gate) _outstanding++;
    }

    /// <summary>Records one delivery report (success or failure) for an output of this stage.</summary>
    public void Acknowledged()
    {
        lock (_gate)
        {
            _outstanding--;
            if (_outstanding <= 0) Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Waits until every output sent so far is acknowledged; false when <paramref name="timeout"/> passes first.</summary>
    public bool WaitAll(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_gate)
        {
            while (_outstanding > 0)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero) return false;
                Monitor.Wait(_gate, left);
            }
            return true;
        }
    }
}
