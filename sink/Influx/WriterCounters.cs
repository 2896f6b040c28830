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
