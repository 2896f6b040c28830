using System.CommandLine;
using Pipeline.Cli.Hosting;
using Pipeline.Fleet.Load;
using Pipeline.Simulator.Traces;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline loadgen</c>: open-loop Poisson load on a URL at a constant rate or following a trace.</summary>
internal static class LoadgenCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "URL to send GETs to, e.g. http://127.0.0.1:8080/work.", Required = true };
        var trace = new Option<string?>("--trace") { Description = "Follow this trace CSV's rate (timestamp,requests)." };
        var rate = new Option<double?>("--rate") { Description = "Constant rate in requests per second (instead of --trace)." };
        var start = DurationParser.Option("--start", TimeSpan.Zero, "Offset into the trace where the replay starts");
        var duration = DurationParser.Option("--duration", TimeSpan.Zero, "Wall duration of the run (required)");
        duration.Required = true;
        var speed = new Option<double>("--speed") { Description = "Trace seconds per wall second.", DefaultValueFactory = _ => 60 };
        var peak = new Option<double>("--peak-rps") { Description = "Trace scaled so its peak over the replayed span is this rate.", DefaultValueFactory = _ => 100 };
        var slo = DurationParser.Option("--slo", TimeSpan.FromSeconds(1), "Latency objective; slower responses are counted");
        var timeout = DurationParser.Option("--timeout", TimeSpan.FromSeconds(10), "Per-request timeout");
        var maxInFlight = new Option<int>("--max-in-flight") { Description = "Most outstanding requests; later arrivals are counted as not sent.", DefaultValueFactory = _ => 2000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the arrival process.", DefaultValueFactory = _ => 1 };
        var json = new Option<string?>("--json") { Description = "Write the full result (per-second series included) to this JSON file." };
        var command = new Command("loadgen", "Send open-loop Poisson load to a URL at a constant rate or following a trace; report latency, errors and schedule lag.");
        foreach (var o in new Option[] { url, trace, rate, start, duration, speed, peak, slo, timeout, maxInFlight, seed, json }) command.Options.Add(o);
        command.SetAction((result, cancellationToken) => StartupErrors.Guard(async () =>
        {
            var wall = result.GetValue(duration);
            if (wall <= TimeSpan.Zero) throw new ArgumentException("--duration is required and must be positive (e.g. 60s): it bounds the run");
            var options = new LoadOptions
            {
                Url = ParseUrl(result.GetValue(url)!),
                Rate = Rate(result.GetValue(trace), result.GetValue(rate), result.GetValue(start), wall, result.GetValue(speed), result.GetValue(peak)),
                Duration = wall,
                Slo = result.GetValue(slo),
                Timeout = result.GetValue(timeout),
                MaxInFlight = result.GetValue(maxInFlight),
                Seed = result.GetValue(seed),
                Progress = line => Console.Error.WriteLine(line),
            };
            Console.WriteLine($"loadgen: {options.Url} for {wall}, {options.Rate.Description}, seed {options.Seed}");
            var outcome = await new LoadGenerator(options).RunAsync(cancellationToken);
            foreach (var line in LoadReport.Lines(outcome)) Console.WriteLine(line);
            if (result.GetValue(json) is { Length: > 0 } path)
            {
                LoadReport.WriteJson(path, outcome);
                Console.WriteLine($"loadgen: result written to {path}");
            }
            return 0;
        }));
        return command;
    }

    private static RateProfile Rate(string? tracePath, double? rate, TimeSpan start, TimeSpan duration, double speed, double peak) =>
        (tracePath, rate) switch
        {
            (null, null) => throw new ArgumentException("give --trace FILE or --rate R"),
            ({ }, { }) => throw new ArgumentException("give either --trace or --rate, not both"),
            (null, { } r) => RateProfile.Constant(r),
            ({ } path, null) => File.Exists(path)
                ? RateProfile.FromTrace(TraceReader.Read(path), start, duration, speed, peak)
                : throw new FileNotFoundException($"trace file {path} does not exist", path),
        };

    private static Uri ParseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new ArgumentException($"--url '{text}' is not an absolute http(s) URL");
}
