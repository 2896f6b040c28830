using System.Diagnostics;
using System.Net;
using System.Text;
using Xunit;

namespace Pipeline.TestSupport.Influx;

/// <summary>
/// A real <c>influxd</c> 1.x started for tests: free loopback ports, a temporary data directory, one database created,
/// everything removed on dispose. Use it as an xunit class/collection fixture, or call <see cref="StartAsync"/>.
/// Fails with <see cref="InfluxdLocator.MissingMessage"/> when influxd is not installed.
/// </summary>
public sealed class InfluxServer : IAsyncLifetime, IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly LogTail _log = new(60);
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private Process? _process;
    private string? _root;

    /// <summary>Database created at start-up (default <c>pipeline</c>).</summary>
    public string Database { get; }

    /// <summary>HTTP base address, e.g. <c>http://127.0.0.1:41234</c>; valid after start.</summary>
    public Uri Url { get; private set; } = new("http://127.0.0.1:0");

    /// <summary>Creates a server that starts on <see cref="InitializeAsync"/>.</summary>
    public InfluxServer() : this("pipeline") { }

    private InfluxServer(string database, (string User, string Password)? admin = null)
    {
        Database = database;
        Admin = admin;
    }

    /// <summary>With authentication on: the admin user created at start (the server's own requests use it).</summary>
    public (string User, string Password)? Admin { get; }

    /// <summary>Starts influxd and creates <paramref name="database"/>; with <paramref name="admin"/>, authentication is on and that admin user exists.</summary>
    public static async Task<InfluxServer> StartAsync(string database = "pipeline", (string User, string Password)? admin = null)
    {
        var server = new InfluxServer(database, admin);
        try { await server.InitializeAsync(); }
        catch { await server.DisposeAsync(); throw; }
        return server;
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var influxd = InfluxdLocator.Require();
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try { await StartOnceAsync(influxd); last = null; break; }
            catch (InfluxStartException e) { last = e; StopProcess(); DeleteRoot(); }
        }
        if (last is not null) throw last;
        if (Admin is { } admin)
        {
            // With auth on and no user yet, influxd takes exactly this one statement unauthenticated.
            await ExecuteAsync($"CREATE USER \"{admin.User}\" WITH PASSWORD '{admin.Password}' WITH ALL PRIVILEGES");
            _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{admin.User}:{admin.Password}")));
        }
        await ExecuteAsync($"CREATE DATABASE \"{Database}\"");
    }

    /// <summary>Runs an InfluxQL query against <see cref="Database"/> and returns every row (times in ns since the epoch).</summary>
    public async Task<IReadOnlyList<InfluxRow>> QueryAsync(string influxql, CancellationToken ct = default)
    {
        var uri = new Uri(Url, $"/query?db={Uri.EscapeDataString(Database)}&epoch=ns&q={Uri.EscapeDataString(influxql)}");
        using var response = await _http.GetAsync(uri, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"InfluxQL '{influxql}' answered {(int)response.StatusCode}: {body}");
        return InfluxQueryResult.Parse(body, influxql);
    }

    /// <summary>Runs a statement that changes state (CREATE, DROP) through POST /query.</summary>
    public async Task ExecuteAsync(string influxql, CancellationToken ct = default)
    {
        using var content = new FormUrlEncodedContent([new("q", influxql)]);
        using var response = await _http.PostAsync(new Uri(Url, "/query"), content, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"InfluxQL '{influxql}' answered {(int)response.StatusCode}: {body}");
        InfluxQueryResult.Parse(body, influxql);
    }

    /// <summary>Writes raw line protocol (ns precision) into <see cref="Database"/>; throws on any non-204 answer.</summary>
    public async Task WriteLinesAsync(string lines, CancellationToken ct = default)
    {
        using var content = new StringContent(lines, Encoding.UTF8, "text/plain");
        using var response = await _http.PostAsync(new Uri(Url, $"/write?db={Uri.EscapeDataString(Database)}&precision=ns"), content, ct);
        if (response.StatusCode != HttpStatusCode.NoContent)
            throw new InvalidOperationException($"write answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>The last lines influxd printed, for failure messages.</summary>
    public string RecentLog => _log.ToString();

    /// <inheritdoc />
    public Task DisposeAsync() { Cleanup(); return Task.CompletedTask; }

    ValueTask IAsyncDisposable.DisposeAsync() { Cleanup(); return ValueTask.CompletedTask; }

    private async Task StartOnceAsync(string influxd)
    {
        _root = Directory.CreateTempSubdirectory("influxd-test-").FullName;
        var httpPort = FreePort.Next();
        var rpcPort = FreePort.Next();
        var configPath = Path.Combine(_root, "influxdb.conf");
        await File.WriteAllTextAsync(configPath, InfluxConfig.Render(_root, httpPort, rpcPort, Admin is not null));
        Url = new Uri($"http://127.0.0.1:{httpPort}");
        await LaunchAsync(influxd, configPath);
    }

    /// <summary>Kills influxd (SIGKILL, as a crash would) and keeps its data directory and ports for <see cref="RestartAsync"/>.</summary>
    public void Kill() => StopProcess();

    /// <summary>Starts influxd again on the same ports and data directory after <see cref="Kill"/>; waits for /ping.</summary>
    public async Task RestartAsync()
    {
        if (_root is null) throw new InvalidOperationException("the server was never started or is disposed");
        if (_process is not null) throw new InvalidOperationException("influxd is still running; Kill it first");
        await LaunchAsync(InfluxdLocator.Require(), Path.Combine(_root, "influxdb.conf"));
    }

    private async Task LaunchAsync(string influxd, string configPath)
    {
        var start = new ProcessStartInfo(influxd) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("run");
        start.ArgumentList.Add("-config");
        start.ArgumentList.Add(configPath);
        _process = Process.Start(start) ?? throw new InfluxStartException($"could not start {influxd}");
        _process.OutputDataReceived += (_, e) => _log.Add(e.Data);
        _process.ErrorDataReceived += (_, e) => _log.Add(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForPingAsync();
    }

    private async Task WaitForPingAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process!.HasExited)
                throw new InfluxStartException($"influxd exited with code {_process.ExitCode} before answering /ping on {Url}. Log:\n{_log}");
            try
            {
                using var response = await _http.GetAsync(new Uri(Url, "/ping"));
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    // A 204 from a server that another process started on the same port moments earlier would look
                    // the same; ours would then have failed to bind and exited.
                    await Task.Delay(100);
                    if (_process.HasExited) continue;
                    return;
                }
            }
            catch (HttpRequestException) { }
            await Task.Delay(50);
        }
        throw new InfluxStartException($"influxd did not answer /ping with 204 on {Url} within {StartTimeout.TotalSeconds} s. Log:\n{_log}");
    }

    private void Cleanup()
    {
        StopProcess();
        DeleteRoot();
        _http.Dispose();
    }

    private void StopProcess()
    {
        if (_process is null) return;
        try
        {
            if (!_process.HasExited) { _process.Kill(entireProcessTree: true); _process.WaitForExit(10_000); }
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
        _process = null;
    }

    private void DeleteRoot()
    {
        if (_root is null) return;
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        _root = null;
    }

    private sealed class InfluxStartException(string message) : Exception(message);
}
