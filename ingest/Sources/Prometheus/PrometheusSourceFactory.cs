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
        var problems = new ProblemReporter(stats, logger);
        IReadingReader reader = options.Mode switch
        {
            PrometheusModes.Scrape when options.Targets.Count == 0 =>
                throw new ArgumentException("prometheus source in scrape mode needs targets (--scrape URL[,URL...] or a file of replica=url lines)"),
            PrometheusModes.Scrape => new ScrapeReader(options, Http, problems),
            PrometheusModes.Query => new QueryReader(options, new PrometheusApiClient(WithSlash(options.PrometheusUrl), Http, options.Timeout), problems),
            _ => throw new ArgumentException($"unknown prometheus mode '{options.Mode}'; known: {string.Join(", ", PrometheusModes.All)}"),
        };
        if (options.CpuCores <= 0) throw new ArgumentException("CPU cores must be positive");
        return new PrometheusMetricSource(reader, new SampleAssembler(options, problems), problems);
    }

    private static Uri WithSlash(Uri url) => url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
}
