using System.CommandLine;
using System.Globalization;
using Pipeline.Cli.Hosting;
using Pipeline.Fleet.Bench;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline proxy-bench</c>: the proxy's overhead. Sends the same closed-loop load to a replica directly and through
/// the proxy in front of it: one client for latency (added p50/p99 per request), then many for throughput (requests/s).
/// </summary>
internal static class ProxyBenchCommand
{
    private static readonly TimeSpan MaxTotal = TimeSpan.FromSeconds(60);

    public static Command Create()
    {
        var direct = new Option<string>("--direct") { Description = "URL of the replica's work endpoint, e.g. http://127.0.0.1:5001/work.", Required = true };
        var proxied = new Option<string>("--proxied") { Description = "The same endpoint through the proxy, e.g. http://127.0.0.1:5000/work.", Required = true };
        var phase = DurationParser.Option("--phase", TimeSpan.FromSeconds(10), "Length of each of the four measured phases");
        var warmup = DurationParser.Option("--warmup", TimeSpan.FromSeconds(2), "Unmeasured load on each target first");
        var concurrency = new Option<int>("--concurrency") { Description = "Clients of the throughput phases.", DefaultValueFactory = _ => 32 };
        var maxRequests = new Option<long>("--max-requests") { Description = "Request budget per phase.", DefaultValueFactory = _ => 2_000_000 };
        var command = new Command("proxy-bench", "Measure the proxy's added latency (p50/p99) and sustained requests/s against a direct replica (loopback only, at most 60 s).");
        foreach (var o in new Option[] { direct, proxied, phase, warmup, concurrency, maxRequests }) command.Options.Add(o);
        command.SetAction((result, cancellationToken) => StartupErrors.Guard(async () =>
        {
            var (d, p, length, warm, clients, budget) = (Url(result.GetValue(direct)!, "--direct"), Url(result.GetValue(proxied)!, "--proxied"), result.GetValue(phase),
                result.GetValue(warmup), result.GetValue(concurrency), result.GetValue(maxRequests));
            if (warm * 2 + length * 4 > MaxTotal) throw new ArgumentException($"2 x --warmup + 4 x --phase must stay within {MaxTotal.TotalSeconds:0} s");
            if (clients < 1) throw new ArgumentException("--concurrency must be at least 1");
            using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = int.MaxValue }) { Timeout = TimeSpan.FromSeconds(10) };
            foreach (var target in new[] { d, p }) await ClosedLoopLoad.RunAsync(client, target, clients, warm, budget, cancellationToken);
            var runs = new List<LoadResult>();
            foreach (var c in new[] { 1, clients })
                foreach (var target in new[] { d, p })
                    runs.Add(await ClosedLoopLoad.RunAsync(client, target, c, length, budget, cancellationToken));
            Print(runs, d);
            return runs.Any(r => r.Errors > 0) ? 1 : 0;
        }));
        return command;
    }

    private static Uri Url(string text, string option) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) ? uri : throw new ArgumentException($"{option} must be an absolute URL, got '{text}'");

    private static void Print(List<LoadResult> runs, Uri direct)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine("target   clients  responses  errors   req/s    p50 ms   p99 ms   mean ms");
        foreach (var r in runs)
        {
            var name = r.Target == direct.ToString() ? "direct" : "proxied";
            Console.WriteLine(string.Format(inv, "{0,-8} {1,7} {2,10} {3,7} {4,8:0} {5,8:0.000} {6,8:0.000} {7,9:0.000}",
                name, r.Concurrency, r.Responses, r.Errors, r.RequestsPerSecond, r.P50Ms, r.P99Ms, r.MeanMs));
        }
        for (var i = 0; i + 1 < runs.Count; i += 2)
        {
            var (dr, pr) = (runs[i], runs[i + 1]);
            Console.WriteLine(string.Format(inv, "added by the proxy at {0} client(s): p50 {1:+0.000;-0.000} ms, p99 {2:+0.000;-0.000} ms; req/s {3:0} proxied vs {4:0} direct",
                dr.Concurrency, pr.P50Ms - dr.P50Ms, pr.P99Ms - dr.P99Ms, pr.RequestsPerSecond, dr.RequestsPerSecond));
        }
    }
}
