namespace Pipeline.Sink.Influx;

/// <summary>A snapshot of an <see cref="InfluxWriter"/>'s counters since it started.</summary>
/// <param name="PointsWritten">Points InfluxDB accepted.</param>
/// <param name="PointsFailed">Points rejected (4xx, partial writes) or given up after the last attempt.</param>
/// <param name="PointsSkipped">Points with no writable field (all NaN/±Infinity), never sent.</param>
/// <param name="PointsRetried">Points in requests that were retried, counted once per retry.</param>
/// <param name="Retries">Requests retried.</param>
/// <param name="Batches">Batches sent (successfully or not).</param>
/// <param name="Buffered">Points waiting in the buffer now.</param>
public sealed record InfluxWriterStats(long PointsWritten, long PointsFailed, long PointsSkipped, long PointsRetried,
    long Retries, long Batches, int Buffered);
