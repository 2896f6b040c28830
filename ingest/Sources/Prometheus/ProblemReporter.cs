using Microsoft.Extensions.Logging;

namespace Pipeline.Ingest.Sources.Prometheus;

/// <summary>Every problem of the <c>prometheus</c> source is logged with its reason and counted in <see cref="PrometheusSourceStats"/>; none is silent.</summary>
internal sealed partial class ProblemReporter(PrometheusSourceStats stats, ILogger logger)
{
    public PrometheusSourceStats Stats => stats;

    public void ScrapeFailed(string replica, Uri url, string reason) { stats.AddScrapeFailure(); Log.ScrapeFailed(logger, replica, url, reason); }

    public void QueryFailed(string field, string query, string reason) { stats.AddQueryFailure(); Log.QueryFailed(logger, field, query, reason); }

    private readonly Dictionary<string, HashSet<string>> _missing = new(StringComparer.Ordinal);

    /// <summary>Counts every missing series of every collection; logs a series when it goes missing and when it is back.</summary>
    public void MissingSeries(string replica, IReadOnlyList<string> fields)
    {
        var before = _missing.GetValueOrDefault(replica) ?? [];
        foreach (var field in fields)
        {
            stats.AddMissingSeries();
            if (!before.Contains(field)) Log.MissingSeries(logger, replica, field);
        }
        foreach (var field in before.Where(f => !fields.Contains(f))) Log.SeriesBack(logger, replica, field);
        _missing[replica] = [.. fields];
    }

    public void ReplicaAbsent(string replica) { stats.AddAbsentReplica(); Log.ReplicaAbsent(logger, replica); }

    public void ReplicaBack(string replica) => Log.ReplicaBack(logger, replica);

    public void CounterReset(string replica, string counter, double previous, double value) { stats.AddCounterReset(); Log.CounterReset(logger, replica, counter, previous, value); }

    public void Malformed(string replica, IReadOnlyList<string> problems)
    {
        if (problems.Count == 0) return;
        stats.AddMalformedLines(problems.Count);
        Log.Malformed(logger, replica, problems.Count, problems[0]);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Scrape of replica {Replica} at {Url} failed: {Reason}")]
        public static partial void ScrapeFailed(ILogger logger, string replica, Uri url, string reason);

        [LoggerMessage(2, LogLevel.Warning, "Query for {Field} failed: {Reason} (query: {Query})")]
        public static partial void QueryFailed(ILogger logger, string field, string query, string reason);

        [LoggerMessage(3, LogLevel.Warning, "Replica {Replica} has no series for {Field} (counted every collection until it is back)")]
        public static partial void MissingSeries(ILogger logger, string replica, string field);

        [LoggerMessage(8, LogLevel.Information, "Replica {Replica} has series for {Field} again")]
        public static partial void SeriesBack(ILogger logger, string replica, string field);

        [LoggerMessage(4, LogLevel.Warning, "Replica {Replica} disappeared from the results; no samples for it until it is back")]
        public static partial void ReplicaAbsent(ILogger logger, string replica);

        [LoggerMessage(5, LogLevel.Information, "Replica {Replica} is back in the results")]
        public static partial void ReplicaBack(ILogger logger, string replica);

        [LoggerMessage(6, LogLevel.Information, "Counter {Counter} of replica {Replica} went down from {Previous} to {Value}: counted as a reset")]
        public static partial void CounterReset(ILogger logger, string replica, string counter, double previous, double value);

        [LoggerMessage(7, LogLevel.Warning, "Replica {Replica}: {Count} exposition lines skipped, first: {First}")]
        public static partial void Malformed(ILogger logger, string replica, int count, string first);
    }
}
