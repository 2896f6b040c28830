namespace Pipeline.TestSupport.Influx;

/// <summary>The last few lines a child process printed, kept for error messages; thread-safe.</summary>
internal sealed class LogTail(int capacity)
{
    private readonly Queue<string> _lines = new();

    public void Add(string? line)
    {
        if (line is null) return;
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity) _lines.Dequeue();
        }
    }

    public override string ToString()
    {
        lock (_lines) return string.Join('\n', _lines);
    }
}
