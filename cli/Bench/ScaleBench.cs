using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Pipeline.Cli.Demo;

namespace Pipeline.Cli.Bench;

/// <summary>
/// Runs <c>pipeline broker</c>, <c>pipeline features</c> and <c>pipeline predictor</c> as separate processes, produces
/// samples of many services into the broker at a paced rate, and measures what comes out (<see cref="ScaleBenchReport"/>).
/// </summary>
internal static class ScaleBench
{
    public static async Task<ScaleBenchReport> RunAsync(ScaleBenchSettings s, Action<string> progress, CancellationToken cancellationToken)
    {
        var dir = Directory.CreateTempSubdirectory("pipeline-bench-scale-").FullName;
        var file = Path.Combine(dir, "bootstrap");
        // Both stages admit every benchmarked service (their --max-services defaults are 10,000 and 1,000).
        string[] common = ["--bootstrap-file", file, "--group-prefix", $"scale-{Guid.NewGuid():N}"[..14], "--max-services", Text(s.Services)];
        var stages = new List<StageProcess>();
        try
        {
            var broker = Started(stages, StageProcess.Start("broker", ["broker", "--bootstrap-file", file]), "press Ctrl+C");
            var bootstrap = File.ReadAllText(file).Trim();
            var port = FreePort();
            Started(stages, StageProcess.Start("features", ["features", "--metrics-port", Text(port), "--max-ahead", "off", "--engine", s.Engine,
                "--state-dir", Path.Combine(dir, "streamiz"), .. common]), null);
            Started(stages, StageProcess.Start("predictor", ["predictor", "--policy", s.Policy, "--forecaster", s.Forecaster, "--routing", "", "--shadow", "", "--metrics-port", "0",
                "--state-dir", Path.Combine(dir, "predictive"), .. common]), "consuming");
            var scrape = new StageScrape(port, "features");
            while ((await scrape.ReadAsync()) is null) await Task.Delay(200, cancellationToken);
            progress($"broker at {bootstrap}; features (pid {stages[1].Id}) and predictor (pid {stages[2].Id}) started");
            return await MeasureAsync(s, bootstrap, scrape, stages, progress, cancellationToken);
        }
        finally
        {
            foreach (var stage in Enumerable.Reverse(stages)) stage.Dispose();
            if (s.LogDirectory is { } logs)
            {
                Directory.CreateDirectory(logs);
                foreach (var stage in stages) File.WriteAllText(Path.Combine(logs, $"{stage.Name}.log"), stage.Output);
            }
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<ScaleBenchReport> MeasureAsync(ScaleBenchSettings s, string bootstrap, StageScrape scrape,
        List<StageProcess> stages, Action<string> progress, CancellationToken cancellationToken)
    {
        using var watch = new BenchWatch(bootstrap);
        var load = new SampleLoad(bootstrap, s.Services, s.Rate, s.Interval);
        var clock = Stopwatch.StartNew();
        var producing = Task.Factory.StartNew(() => load.Run(s.Duration, cancellationToken), TaskCreationOptions.LongRunning);
        Series consumed = new(), windows = new(), decisions = new();
        long lag = 0;
        var seen = 0;
        double producedSeconds = 0, nextProgress = s.ProgressInterval.TotalSeconds, drainStart = double.NaN, quietSince = double.NaN;
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(1000, cancellationToken);
            var now = clock.Elapsed.TotalSeconds;
            if (await scrape.ReadAsync() is { } read)
            {
                lag = read.Lag;
                consumed.Add(now, read.Consumed);
            }
            var moved = windows.Last != watch.Windows || decisions.Last != watch.Decisions;
            windows.Add(now, watch.Windows);
            decisions.Add(now, watch.Decisions);
            if (stages.FirstOrDefault(p => p.HasExited) is { } dead) throw new InvalidOperationException($"{dead.Name} exited:\n{dead.Tail()}");
            if (now >= nextProgress)
            {
                nextProgress += s.ProgressInterval.TotalSeconds;
                var latencies = watch.Latencies;
                var recent = latencies.Skip(seen).ToList();
                seen = latencies.Count;
                var since = recent.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $", latency p99 {Percentiles.Of(recent, 99):0} ms over the {recent.Count} since the last line") : "";
                progress(string.Create(CultureInfo.InvariantCulture,
                    $"{now,5:0} s: produced {load.Produced}, features consumed {consumed.Last} (lag {lag}), windows {watch.Windows}, decisions {watch.Decisions}{since}"));
            }
            if (!producing.IsCompleted) continue;
            if (double.IsNaN(drainStart)) (drainStart, producedSeconds) = (now, Math.Min(now, s.Duration.TotalSeconds));
            quietSince = moved || consumed.Last < load.Produced ? now : double.IsNaN(quietSince) ? now : quietSince;
            if (now - quietSince >= 3 || now - drainStart >= s.Drain.TotalSeconds) break;
        }
        await producing;
        var memory = stages.Select(p => (p.Name, ProcessMemory.Of(p.Id))).ToList();
        return new ScaleBenchReport(s, load.Produced, producedSeconds, consumed.Last, consumed.ActiveSeconds(), lag,
            windows.Last, windows.ActiveSeconds(), decisions.Last, decisions.ActiveSeconds(), watch.Latencies, memory);
    }

    private static StageProcess Started(List<StageProcess> stages, StageProcess stage, string? readyText)
    {
        stages.Add(stage);
        if (readyText is not null && !stage.WaitForOutput(readyText, TimeSpan.FromSeconds(60)))
            throw new InvalidOperationException($"{stage.Name} did not start:\n{stage.Tail()}");
        return stage;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
