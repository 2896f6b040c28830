namespace Pipeline.Fleet.Replica;

/// <summary>Cumulative response counters of a replica; thread-safe.</summary>
internal sealed class ReplicaCounters
{
    private long _completed, _errors, _rejected;

    public long Completed => Interlocked.Read(ref _completed);
    public long Errors => Interlocked.Read(ref _errors);
    public long Rejected => Interlocked.Read(ref _rejected);

    public void Success() => Interlocked.Increment(ref _completed);

    public void Error()
    {
        Interlocked.Increment(ref _errors);
        Interlocked.Increment(ref _completed);
    }

    public void Reject() => Interlocked.Increment(ref _rejected);
}
