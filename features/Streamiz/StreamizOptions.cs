namespace Pipeline.Features.Streamiz;

/// <summary>Options of the Streamiz engine of the features stage.</summary>
public sealed class StreamizOptions
{
    /// <summary>
    /// Where the open-window state store (RocksDB) lives; null: <c>.pipeline/streamiz</c> under the current directory.
    /// A sub-directory per broker address keeps state of one (embedded, in-memory) broker away from the next.
    /// </summary>
    public string? StateDir { get; set; }

    /// <summary>
    /// Whether the state store is backed by a changelog topic (restored from it on another machine). Null: on when the
    /// broker can create topics (a real Kafka), off on the embedded mock cluster, which cannot.
    /// </summary>
    public bool? Changelog { get; set; }

    /// <summary>
    /// How often processed offsets are committed (after the outputs and the store are flushed). The stream thread processes
    /// nothing while it commits, so the commit's share of time shows in the decision latency's tail: measured with
    /// <c>pipeline bench-scale --services 1000 --engine streamiz</c>, p99 99-259 ms at 200 ms against 30-45 ms at 5 s
    /// (the loop: 28-38 ms). A longer interval only means more records read again after a crash (at least once either way;
    /// Kafka Streams' own default is 30 s).
    /// </summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Streamiz's <c>PollMs</c>. Streamiz 1.8.2 gathers records for a whole <c>PollMs</c> before it processes any (its
    /// <c>ConsumeRecords</c> polls until that time has passed or 500 records came), so each record waits up to about twice
    /// this: at 10 ms the decision latency's p50 was 27-31 ms against the loop's 18-20 ms, at 1 ms 19 ms (bench-scale above).
    /// </summary>
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromMilliseconds(1);
}
