using System.Diagnostics;
using System.Text;

namespace Pipeline.Cli.Bench;

/// <summary>One <c>pipeline</c> command run as its own OS process (<c>dotnet pipeline.dll ...</c>), its output kept.</summary>
internal sealed class StageProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private StageProcess(string name, Process process)
    {
        Name = name;
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }
    public int Id => _process.Id;
    public bool HasExited => _process.HasExited;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Starts this executable's <paramref name="arguments"/> (a command and its options) as <paramref name="name"/>.</summary>
    public static StageProcess Start(string name, IEnumerable<string> arguments)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "pipeline.dll");
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var info = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var a in arguments) info.ArgumentList.Add(a);
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["Logging__Console__FormatterName"] = "simple";
        return new StageProcess(name, Process.Start(info) ?? throw new InvalidOperationException($"{host} did not start {name}"));
    }

    /// <summary>Waits until the output contains <paramref name="text"/>; false on timeout or exit.</summary>
    public bool WaitForOutput(string text, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout && !_process.HasExited)
        {
            if (Output.Contains(text, StringComparison.Ordinal)) return true;
            Thread.Sleep(50);
        }
        return Output.Contains(text, StringComparison.Ordinal);
    }

    /// <summary>The last lines of the output, for an error message.</summary>
    public string Tail(int characters = 2000) => Output is var o && o.Length > characters ? o[^characters..] : Output;

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
