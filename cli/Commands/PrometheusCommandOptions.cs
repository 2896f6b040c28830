using System.CommandLine;
using Pipeline.Cli.Hosting;
using Pipeline.Ingest.Sources.Prometheus;
using Pipeline.Ingest.Sources.Prometheus.Scrape;

namespace Pipeline.Cli.Commands;

/// <summary>The options of <c>pipeline ingest --source prometheus</c>; every default comes from <see cref="PrometheusSourceOptions"/>.</summary>
internal sealed class PrometheusCommandOptions
{
    private static readonly PrometheusSourceOptions Defaults = new();
    private readonly Option<string> _mode = Text("--prometheus-mode", $"Prometheus source: scrape (read replicas' /metrics directly) or query (a Prometheus server's HTTP API)", Defaults.Mode);
    private readonly Option<string?> _scrape = new("--scrape") { Description = "Prometheus scrape mode: the replicas' metrics URLs, comma-separated (replica id = host:port), or a file of replica=url lines." };
    private readonly Option<string> _url = Text("--prometheus-url", "Prometheus query mode: the server's base address", Defaults.PrometheusUrl.ToString());
    private readonly Option<string> _label = Text("--replica-label", "Prometheus query mode: label naming the replica; replaces $replica in the queries", Defaults.ReplicaLabel);
    private readonly Option<TimeSpan> _timeout = DurationParser.Option("--prometheus-timeout", Defaults.Timeout, "Prometheus source: time allowed for one scrape or query");
    private readonly Option<double> _cores = new("--cpu-cores") { Description = $"Prometheus scrape mode: CPU cores per replica; utilization = CPU seconds per second / cores.", DefaultValueFactory = _ => Defaults.CpuCores };
    private readonly Option<double> _toMs = new("--latency-to-ms") { Description = $"Prometheus source: milliseconds per unit of the latency histogram (1000: histograms in seconds).", DefaultValueFactory = _ => Defaults.LatencyToMs };
    private readonly (Option<string> Option, Action<PrometheusSourceOptions, string> Set)[] _fields =
    [
        (Text("--query-requests", "Prometheus query mode: cumulative completed requests per replica", Defaults.Queries.Requests), (o, v) => o.Queries.Requests = v),
        (Text("--query-errors", "Prometheus query mode: cumulative failed requests per replica", Defaults.Queries.Errors), (o, v) => o.Queries.Errors = v),
        (Text("--query-latency-buckets", "Prometheus query mode: cumulative latency buckets per replica and le", Defaults.Queries.LatencyBuckets), (o, v) => o.Queries.LatencyBuckets = v),
        (Text("--query-latency-sum", "Prometheus query mode: cumulative latency sum per replica", Defaults.Queries.LatencySum), (o, v) => o.Queries.LatencySum = v),
        (Text("--query-utilization", "Prometheus query mode: busy fraction 0..1 per replica", Defaults.Queries.Utilization), (o, v) => o.Queries.Utilization = v),
        (Text("--query-in-flight", "Prometheus query mode: requests in flight per replica", Defaults.Queries.InFlight), (o, v) => o.Queries.InFlight = v),
        (Text("--query-ready", "Prometheus query mode: readiness per replica (> 0 = ready)", Defaults.Queries.Ready), (o, v) => o.Queries.Ready = v),
        (Text("--select-requests", "Prometheus scrape mode: series of cumulative completed requests", Defaults.Selectors.Requests), (o, v) => o.Selectors.Requests = v),
        (Text("--select-errors", "Prometheus scrape mode: series of cumulative failed requests", Defaults.Selectors.Errors), (o, v) => o.Selectors.Errors = v),
        (Text("--select-latency", "Prometheus scrape mode: latency histogram family (_bucket, _sum)", Defaults.Selectors.LatencyHistogram), (o, v) => o.Selectors.LatencyHistogram = v),
        (Text("--select-cpu", "Prometheus scrape mode: cumulative CPU seconds", Defaults.Selectors.CpuSeconds), (o, v) => o.Selectors.CpuSeconds = v),
        (Text("--select-in-flight", "Prometheus scrape mode: requests in flight", Defaults.Selectors.InFlight), (o, v) => o.Selectors.InFlight = v),
        (Text("--select-ready", "Prometheus scrape mode: readiness gauge; empty = a replica that answers is ready", Defaults.Selectors.Ready), (o, v) => o.Selectors.Ready = v),
    ];

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _mode, _scrape, _url, _label, _timeout, _cores, _toMs }) command.Options.Add(option);
        foreach (var (option, _) in _fields) command.Options.Add(option);
    }

    public PrometheusSourceOptions Resolve(ParseResult result, string service)
    {
        var options = new PrometheusSourceOptions
        {
            Mode = result.GetValue(_mode)!,
            Service = service,
            Targets = result.GetValue(_scrape) is { Length: > 0 } scrape ? ScrapeTarget.Parse(scrape) : [],
            PrometheusUrl = Uri.TryCreate(result.GetValue(_url), UriKind.Absolute, out var url) ? url : throw new ArgumentException($"--prometheus-url '{result.GetValue(_url)}' is not an absolute URL"),
            ReplicaLabel = result.GetValue(_label)!,
            Timeout = result.GetValue(_timeout),
            CpuCores = result.GetValue(_cores),
            LatencyToMs = result.GetValue(_toMs),
        };
        foreach (var (option, set) in _fields) set(options, result.GetValue(option) ?? "");
        return options;
    }

    private static Option<string> Text(string name, string description, string defaultValue) => new(name)
    {
        Description = defaultValue.Length == 0 ? $"{description} (default empty)." : $"{description}.",
        DefaultValueFactory = _ => defaultValue,
    };
}
