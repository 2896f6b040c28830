using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Fleet.Tests.Support;

/// <summary>A real <c>pipeline proxy</c> process for service <c>web</c> on a free loopback port (no Kafka).</summary>
public sealed partial class ProxyProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ProxyProcess(Process process) => _process = process;

    public Uri BaseUrl { get; private set; } = null!;

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Starts the proxy and waits (bounded) for its <c>listening</c> line.</summary>
    public static ProxyProcess Start(string balancer = "round-robin")
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { FleetProgram.Dll, "proxy", "--port", "0", "--service", "web", "--balancer", balancer }) info.ArgumentList.Add(a);
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["KAFKA_BOOTSTRAP_SERVERS"] = "";
        var proxy = new ProxyProcess(Process.Start(info)!);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        proxy._process.OutputDataReceived += (_, e) => proxy.OnLine(e.Data, listening);
        proxy._process.ErrorDataReceived += (_, e) => proxy.OnLine(e.Data, null);
        proxy._process.BeginOutputReadLine();
        proxy._process.BeginErrorReadLine();
        if (!listening.Task.Wait(TimeSpan.FromSeconds(60)))
        {
            proxy.Dispose();
            throw new TimeoutException($"pipeline proxy printed no listening line within 60 s:\n{proxy.Output}");
        }
        proxy.BaseUrl = listening.Task.Result;
        return proxy;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
    }

    private void OnLine(string? line, TaskCompletionSource<Uri>? listening)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
        if (listening is not null && Listening().Match(line) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value));
    }

    [GeneratedRegex(@"^listening (http://\S+)")]
    private static partial Regex Listening();
}
