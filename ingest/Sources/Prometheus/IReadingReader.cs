namespace Pipeline.Ingest.Sources.Prometheus;

/// <summary>One way of reading every replica's current values (scrape or query); reports its own problems and never throws.</summary>
internal interface IReadingReader
{
    /// <summary>The readings of this collection, and the replicas that could not be read at all (already reported).</summary>
    ReadResult Read();
}

/// <summary>
/// Readings of one collection. <see cref="Failed"/> replicas were not read, and with <see cref="AllFailed"/> none could be
/// (their failure is already reported, so a replica missing from <see cref="Readings"/> has not disappeared).
/// </summary>
internal sealed record ReadResult(IReadOnlyList<ReplicaReading> Readings, IReadOnlyCollection<string> Failed, bool AllFailed = false);
