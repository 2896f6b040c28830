using Microsoft.Extensions.Hosting;
using Pipeline.Contracts.Messages;
using Pipeline.Fleet.Proxy.Destinations;
using Pipeline.Fleet.Replica;

namespace Pipeline.Fleet.Proxy.Metrics;

/// <summary>
/// Every interval: polls each destination's <c>/stats</c> (its readiness and workers feed routing), builds one
/// <see cref="MetricSample"/> per destination from the proxy's meters and the polled busy time, keeps the latest set
/// (<see cref="Latest"/>) and hands it to the sinks.
/// </summary>
internal sealed class MetricsCollector(DestinationTable table, ReplicaStatsPoller poller, IEnumerable<IMetricSampleSink> sinks,
    TimeProvider time, TimeSpan interval) : BackgroundService
{
    private readonly Dictionary<string, (MeterSnapshot Meter, ReplicaStats? Stats, long At)> _previous = new(StringComparer.Ordinal);
    private const int Rounds = 240;
    private volatile IReadOnlyList<MetricSample> _latest = [];
    private readonly System.Collections.Concurrent.ConcurrentQueue<MetricSample> _recent = new();

    /// <summary>The samples of the last completed interval (one per destination).</summary>
    public IReadOnlyList<MetricSample> Latest => _latest;

    /// <summary>The samples of the last 240 rounds, oldest first (a minute at 250 ms): none missed, however late one looks.</summary>
    public IReadOnlyList<MetricSample> Recent => [.. _recent];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            await CollectAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken)) await CollectAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One collection round: a sample per destination for the time since the last round (or since it was added).</summary>
    public async Task CollectAsync(CancellationToken cancellationToken)
    {
        var entries = table.All.ToList();
        var polls = await Task.WhenAll(entries.Select(e => poller.PollAsync(e.Address, cancellationToken)));
        var now = time.GetTimestamp();
        var timestamp = time.GetUtcNow();
        var samples = new List<MetricSample>();
        for (var i = 0; i < entries.Count; i++)
        {
            var (entry, stats) = (entries[i], polls[i]);
            entry.Ready = stats?.Ready ?? false;
            if (stats is not null) entry.Workers = stats.Workers;
            var meter = entry.Meter.Snapshot();
            // A destination's first interval runs from when it was added (no busy-time reading then: utilization 0).
            var before = _previous.TryGetValue(entry.Id, out var p) ? p : (Meter: entry.Baseline, Stats: (ReplicaStats?)null, At: entry.AddedAt);
            var seconds = time.GetElapsedTime(before.At, now).TotalSeconds;
            if (seconds > 0)
                samples.Add(MetricSampleBuilder.Build(table.Service, entry.Id, timestamp, seconds, before.Meter, meter, before.Stats, stats));
            _previous[entry.Id] = (meter, stats, now);
        }
        foreach (var gone in _previous.Keys.Except(entries.Select(e => e.Id)).ToList()) _previous.Remove(gone);
        _latest = samples;
        foreach (var sample in samples) _recent.Enqueue(sample);
        while (_recent.Count > Rounds * Math.Max(1, entries.Count) && _recent.TryDequeue(out _)) { }
        if (samples.Count == 0) return;
        foreach (var sink in sinks) sink.Publish(samples);
    }
}
