using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Pipeline.Fleet.Local;

/// <summary>A running <c>pipeline replica</c> process: its address once it prints it, its exit, the tail of its output.</summary>
internal sealed partial class ReplicaProcess : IReplicaProcess
{
    private const int TailLines = 20;
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private Uri? _address;

    public ReplicaProcess(string id, Process process)
    {
        Id = id;
        _process = process;
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => Exited?.Invoke();
        _process.OutputDataReceived += (_, e) => OnLine(e.Data, stdout: true);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data, stdout: false);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Id { get; }
    public Uri? Address => Volatile.Read(ref _address);
    public bool HasExited => _process.HasExited;
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public string OutputTail
    {
        get { lock (_tail) return string.Join(" | ", _tail); }
    }

    public event Action? Exited;

    public void Terminate()
    {
        if (!_process.HasExited) PosixSignals.Terminate(_process);
    }

    public void Kill()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }

    public void Dispose()
    {
        Kill();
        _process.WaitForExit(5000);
        _process.Dispose();
    }

    private void OnLine(string? line, bool stdout)
    {
        if (line is null) return;
        if (stdout && _address is null && Listening().Match(line) is { Success: true } m) Volatile.Write(ref _address, new Uri(m.Groups[1].Value));
        lock (_tail)
        {
            _tail.Enqueue(line);
            while (_tail.Count > TailLines) _tail.Dequeue();
        }
    }

    [GeneratedRegex(@"^listening (http://[^\s/]+)")]
    private static partial Regex Listening();
}
