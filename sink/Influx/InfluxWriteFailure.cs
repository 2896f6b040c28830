namespace Pipeline.Sink.Influx;

/// <summary>Points that were not written: why, how many, and the HTTP status (null for network errors).</summary>
/// <param name="Points">Points lost from the batch.</param>
/// <param name="StatusCode">HTTP status of the last attempt, or null when no answer came.</param>
/// <param name="Error">InfluxDB's error text or the exception message.</param>
/// <param name="Attempts">Requests made for the batch.</param>
/// <param name="FirstLine">First line of the batch, to find the offending data.</param>
public sealed record InfluxWriteFailure(int Points, int? StatusCode, string Error, int Attempts, string FirstLine);
