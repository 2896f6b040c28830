using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Pipeline.TestSupport.Influx;

namespace Pipeline.TestSupport.Prometheus;

/// <summary>
/// A real <c>prometheus</c> server started for a test on a free loopback port, scraping the given targets every second,
/// its storage in a temporary directory removed on dispose. Never the system service the Debian package may start.
/// Fails with <see cref="PrometheusLocator.MissingMessage"/> when prometheus is not installed.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly LogTail _log = new(60);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Process _process;
    private readonly string _root;

    private PrometheusServer(Process process, string root, Uri url) => (_process, _root, Url) = (process, root, url);

    /// <summary>Base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Url { get; }

    /// <summary>The last lines prometheus printed, for failure messages.</summary>
    public string RecentLog => _log.ToString();

    /// <summary>Starts prometheus scraping <paramref name="targets"/> (<c>host:port</c>, path /metrics) every second; waits until /-/ready answers.</summary>
    public static async Task<PrometheusServer> StartAsync(IEnumerable<string> targets)
    {
        var binary = PrometheusLocator.Require();
        var root = Directory.CreateTempSubdirectory("prometheus-test-").FullName;
        var config = Path.Combine(root, "prometheus.yml");
        var list = string.Join(", ", targets.Select(t => $"'{t}'"));
        await File.WriteAllTextAsync(config,
            $"global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n  - job_name: replicas\n    static_configs:\n      - targets: [{list}]\n");
        var port = FreePort.Next();
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(root, "data")}", $"--web.listen-address=127.0.0.1:{port}" })
            start.ArgumentList.Add(arg);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        var server = new PrometheusServer(process, root, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server._log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => server._log.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try { await server.WaitReadyAsync(); }
        catch { await server.DisposeAsync(); throw; }
        return server;
    }

    /// <summary>The values of an instant query by the value of <paramref name="label"/>.</summary>
    public async Task<IReadOnlyDictionary<string, double>> QueryAsync(string promql, string label = "instance")
    {
        var body = await _http.GetStringAsync(new Uri(Url, "api/v1/query?query=" + Uri.EscapeDataString(promql)));
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("data").GetProperty("result").EnumerateArray().ToDictionary(
            r => r.GetProperty("metric").TryGetProperty(label, out var l) ? l.GetString() ?? "" : "",
            r => double.Parse(r.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture));
    }

    /// <summary>Polls <paramref name="promql"/> until <paramref name="done"/> holds for its answer (Prometheus scrapes every second); throws after 30 s.</summary>
    public async Task WaitUntilAsync(string promql, Func<IReadOnlyDictionary<string, double>, bool> done, string what)
    {
        var clock = Stopwatch.StartNew();
        IReadOnlyDictionary<string, double> last = new Dictionary<string, double>();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            last = await QueryAsync(promql);
            if (done(last)) return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"Prometheus never showed {what} for '{promql}'; last answer: " +
            string.Join(", ", last.Select(p => $"{p.Key}={p.Value}")) + $"\nLog:\n{RecentLog}");
    }

    private async Task WaitReadyAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited) throw new InvalidOperationException($"prometheus exited with code {_process.ExitCode} before it was ready on {Url}. Log:\n{_log}");
            try
            {
                using var response = await _http.GetAsync(new Uri(Url, "-/ready"));
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"prometheus was not ready on {Url} within {StartTimeout.TotalSeconds} s. Log:\n{_log}");
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) { _process.Kill(entireProcessTree: true); _process.WaitForExit(10_000); }
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
        _http.Dispose();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return ValueTask.CompletedTask;
    }
}
