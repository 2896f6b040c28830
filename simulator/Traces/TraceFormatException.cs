namespace Pipeline.Simulator.Traces;

/// <summary>A trace file that does not follow the <c>timestamp,requests</c> format, with the offending line.</summary>
public sealed class TraceFormatException(string path, int line, string reason)
    : FormatException($"{path}:{line}: {reason}")
{
    /// <summary>File that was read.</summary>
    public string Path { get; } = path;

    /// <summary>1-based line number of the problem (1 is the header).</summary>
    public int Line { get; } = line;

    /// <summary>What is wrong with the line.</summary>
    public string Reason { get; } = reason;
}
