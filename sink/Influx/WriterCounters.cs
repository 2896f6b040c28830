namespace Pipeline.Sink.Influx;

/// <summary>Thread-safe counters behind <see cref="InfluxWriterStats"/>.</summary>
internal sealed class WriterCounters
{
    private long _written;
    private long _failed;
    private long _skipped;
    private long _pointsRetried;
    private long _retries;
    private long _batches;
    private WriterOutage? _outage;

    /// <summary>The outage in progress (retryable failures of the batch in flight), or null while writes succeed.</summary>
    public WriterOutage? Outage => Volatile.Read(ref _outage);

    /// <summary>Records a retryable failure of the batch in flight; the outage keeps the time of its first failure.</summary>
    public void Failing(DateTimeOffset now, int? status, string error, int attempt) =>
        Volatile.Write(ref _outage, new WriterOutage(Volatile.Read(ref _outage)?.Since ?? now, status, error, attempt));

    /// <summary>A batch was written: the outage, if any, is over.</summary>
    public void Recovered() => Volatile.Write(ref _outage, null);

    public void Written(int n) => Interlocked.Add(ref _written, n);
    public void Failed(int n) => Interlocked.Add(ref _failed, n);
    public void Skipped(int n) => Interlocked.Add(ref _skipped, n);
    public void Batch() => Interlocked.Increment(ref _batches);

    public void Retried(int points)
    {
        Interlocked.Increment(ref _retries);
        Interlocked.Add(ref _pointsRetried, points);
    }

    public InfluxWriterStats Snapshot(int buffered) => new(Interlocked.Read(ref _written), Interlocked.Read(ref _failed),
        Interlocked.Read(ref _skipped), Interlocked.Read(ref _pointsRetried), Interlocked.Read(ref _retries),
        Interlocked.Read(ref _batches), buffered);
}
