namespace Pipeline.Sink.Influx;

/// <summary>InfluxDB has not taken the batch in flight since <paramref name="Since"/>: the last answer and how many points wait.</summary>
/// <param name="Since">When the first attempt of the held batch failed.</param>
/// <param name="Status">HTTP status of the last attempt, or null when no answer came.</param>
/// <param name="Error">InfluxDB's error text or the exception message of the last attempt.</param>
/// <param name="Attempts">Attempts made for the held batch so far.</param>
public sealed record WriterOutage(DateTimeOffset Since, int? Status, string Error, int Attempts);
