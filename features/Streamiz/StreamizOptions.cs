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

    /// <summary>How often processed offsets are committed (after the outputs are flushed).</summary>
    public TimeSpan CommitInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest a poll of the stream thread waits for records.</summary>
    public TimeSpan PollTimeout { get; set; } = TimeSpan.FromMilliseconds(10);
}
