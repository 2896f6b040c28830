using Pipeline.Runtime.Kafka.Streaming;
using Prometheus;

namespace Pipeline.Runtime.Observability;

/// <summary>
/// The stage counters of a process as prometheus-net metrics in their own registry: counters are brought up to the
/// <see cref="StageCounters"/> totals and gauges set just before every scrape; processing time is observed as it happens.
/// </summary>
public sealed class PrometheusStageMetrics
{
    private static readonly string[] StageTopic = ["stage", "topic"];
    private readonly StageCounters _counters;
    private readonly TimeProvider _time;
    private readonly StageMetricsOptions _options;
    private readonly Counter _consumed;
    private readonly Counter _published;
    private readonly Counter _deadLettered;
    private readonly Counter _reasons;
    private readonly Gauge _lastPollAge;
    private readonly Gauge _lag;
    private readonly Gauge _healthy;
    private readonly Histogram _processing;

    public PrometheusStageMetrics(StageCounters counters, TimeProvider time, StageMetricsOptions options)
    {
        _counters = counters;
        _time = time;
        _options = options;
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        _consumed = factory.CreateCounter("pipeline_stage_consumed_total", "Records consumed by the stage, per input topic.", StageTopic);
        _published = factory.CreateCounter("pipeline_stage_published_total", "Records published by the stage, per output topic.", StageTopic);
        _deadLettered = factory.CreateCounter("pipeline_stage_dead_lettered_total", "Records the stage dead-lettered, per source topic.", StageTopic);
        _reasons = factory.CreateCounter("pipeline_stage_dead_letter_reasons_total", "Records the stage dead-lettered, per kind of reason (invalid, late, limit, output too large, ...).", "stage", "reason");
        _lastPollAge = factory.CreateGauge("pipeline_stage_last_poll_age_seconds", "Seconds since the stage's consume loop last polled.", "stage");
        _lag = factory.CreateGauge("pipeline_stage_consumer_lag", "Messages behind the high watermark over the stage's assigned partitions.", "stage");
        _healthy = factory.CreateGauge("pipeline_stage_healthy", "1 when the stage passes its health check, else 0.", "stage");
        _processing = factory.CreateHistogram("pipeline_stage_processing_seconds", "Time to process one record.",
            new HistogramConfiguration { LabelNames = ["stage"], Buckets = Histogram.ExponentialBuckets(0.00005, 4, 9) });
        counters.ProcessingObserved = (stage, elapsed) => _processing.WithLabels(stage).Observe(elapsed.TotalSeconds);
        Registry.AddBeforeCollectCallback(Update);
    }

    /// <summary>The registry holding only this process's stage metrics.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Writes every metric in the Prometheus text format.</summary>
    public Task ExportAsync(Stream destination, CancellationToken cancellationToken) =>
        Registry.CollectAndExportAsTextAsync(destination, cancellationToken);

    private void Update()
    {
        var now = _time.GetUtcNow();
        foreach (var (stage, counter) in _counters.All)
        {
            foreach (var (topic, consumed, published, deadLettered) in counter.ByTopic)
            {
                if (consumed > 0) _consumed.WithLabels(stage, topic).IncTo(consumed);
                if (published > 0) _published.WithLabels(stage, topic).IncTo(published);
                if (deadLettered > 0) _deadLettered.WithLabels(stage, topic).IncTo(deadLettered);
            }
            foreach (var (kind, count) in counter.Reasons.All) _reasons.WithLabels(stage, kind).IncTo(count);
            var status = StageHealthCheck.Evaluate(stage, counter, now, _options.StaleAfter);
            if (status.LastPollAge is { } age) _lastPollAge.WithLabels(stage).Set(Math.Max(0, age.TotalSeconds));
            if (counter.ConsumerLag is { } lag) _lag.WithLabels(stage).Set(lag);
            _healthy.WithLabels(stage).Set(status.Healthy ? 1 : 0);
        }
    }
}
