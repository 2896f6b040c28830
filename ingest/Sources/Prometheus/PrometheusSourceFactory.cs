using Microsoft.Extensions.Logging;
using Pipeline.Ingest.Sources.Prometheus.Query;
using Pipeline.Ingest.Sources.Prometheus.Scrape;

namespace Pipeline.Ingest.Sources.Prometheus;

/// <summary>Builds the <c>prometheus</c> source for its mode; rejects options that cannot work before anything runs.</summary>
public static class PrometheusSourceFactory
{
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>A source over <paramref name="options"/>, counting its problems in <paramref name="stats"/>.</summary>
    public static IMetricSource Create(PrometheusSourceOptions options, PrometheusSourceStats stats, ILogger logger)
    {
        Validate(options);
        var problems = new ProblemReporter(stats, logger);
        IReadingReader reader = options.Mode == PrometheusModes.Scrape
            ? new ScrapeReader(options, Http, problems)
            : new QueryReader(options, new PrometheusApiClient(WithSlash(options.PrometheusUrl), Http, options.Timeout), problems);
        return new PrometheusMetricSource(reader, new SampleAssembler(options, problems), problems);
    }

    /// <summary>Throws <see cref="ArgumentException"/> saying what is wrong with <paramref name="options"/>.</summary>
    public static void Validate(PrometheusSourceOptions options)
    {
        if (!PrometheusModes.All.Contains(options.Mode))
            throw new ArgumentException($"unknown prometheus mode '{options.Mode}'; known: {string.Join(", ", PrometheusModes.All)}");
        if (options.Mode == PrometheusModes.Scrape && options.Targets.Count == 0)
            throw new ArgumentException("the prometheus source in scrape mode needs targets: --scrape URL[,URL...] or a file of replica=url lines");
        if (options.CpuCores <= 0 || options.LatencyToMs <= 0 || options.Timeout <= TimeSpan.Zero)
            throw new ArgumentException("CPU cores, the latency unit and the time-out must be positive");
    }

    private static Uri WithSlash(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
