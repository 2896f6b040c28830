using Pipeline.Contracts.Messages;
using Pipeline.Features.Normalization;

namespace Pipeline.Features.Windowing;

/// <summary>
/// Event-time tumbling windows per service over <see cref="MetricSample"/>s, producing <see cref="FeatureWindow"/>s.
/// Each service has its own watermark = newest event time seen - <see cref="WindowingOptions.Grace"/>; a window
/// [start, end) closes when the watermark reaches its end. Samples for a closed window are <see cref="SampleDisposition.Late"/>,
/// repeated (service, replica, timestamp) samples are <see cref="SampleDisposition.Duplicate"/>, and with
/// <see cref="WindowingOptions.MaxAheadOfArrival"/> set, samples stamped too far in the future are <see cref="SampleDisposition.TooFarAhead"/>. Closed windows come out in
/// window order per service and are normalized online when <see cref="WindowingOptions.Normalize"/> is set.
/// Pure and deterministic: time comes only from the arguments. Not thread-safe (one instance per consumer loop).
/// Samples are expected to be valid (see <c>Pipeline.Contracts.Validation.MetricSampleValidator</c>).
/// </summary>
public sealed class WindowAggregator
{
    private readonly WindowingOptions _options;
    private readonly FeatureNormalizer? _normalizer;
    private readonly Dictionary<string, ServiceWindows> _services = new(StringComparer.Ordinal);
    private readonly ServiceTally _tally;
    private static readonly SampleResult AcceptedNothingClosed = new(SampleDisposition.Accepted, null, []);

    /// <summary>Creates an aggregator; throws <see cref="ArgumentException"/> on invalid options.</summary>
    /// <param name="options">The windowing options.</param>
    /// <param name="tally">Shared with the stage's other aggregators so that <see cref="WindowingOptions.MaxServices"/> bounds them together.</param>
    public WindowAggregator(WindowingOptions? options = null, ServiceTally? tally = null)
    {
        _tally = tally ?? new ServiceTally();
        _options = options ?? new WindowingOptions();
        _options.Validate();
        _normalizer = _options.Normalize ? new FeatureNormalizer() : null;
    }

    /// <summary>The options in use.</summary>
    public WindowingOptions Options => _options;

    /// <summary>Services with state (see <see cref="WindowingOptions.MaxServices"/>).</summary>
    public int ServiceCount => _services.Count;

    /// <summary>Open (not yet closed) windows over all services.</summary>
    public int OpenWindowCount => _services.Values.Sum(s => s.OpenWindows);

    /// <summary>
    /// Counts one sample in its window and returns what happened to it plus any windows closed by the advanced watermark.
    /// </summary>
    /// <param name="sample">A validated sample.</param>
    /// <param name="receivedAt">Processing time of arrival (used only by <see cref="CloseIdle"/>).</param>
    public SampleResult Add(MetricSample sample, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(sample);
        if (!_services.TryGetValue(sample.Service, out var service))
        {
            if (!_tally.TryTake(_options.MaxServices))
                return new SampleResult(SampleDisposition.OverLimit,
                    $"limit: {_tally.Count} services already have state (the limit); service {sample.Service} not counted until idle ones are evicted", []);
            service = new ServiceWindows(sample.Service, _options);
            _services.Add(sample.Service, service);
        }
        var disposition = service.Add(sample, receivedAt, out var reason);
        if (disposition != SampleDisposition.Accepted) return new SampleResult(disposition, reason, []);
        if (!service.HasClosable) return AcceptedNothingClosed;
        var closed = new List<FeatureWindow>();
        service.CloseReady(closed, _normalizer);
        return new SampleResult(disposition, null, closed);
    }

    /// <summary>
    /// Closes windows of services that have been idle (no accepted sample for <see cref="WindowingOptions.IdleTimeout"/> of
    /// processing time): their event time is assumed to have advanced by the processing time elapsed since their last
    /// arrival, and the watermark moves accordingly. Call it periodically with the current processing time.
    /// </summary>
    public IReadOnlyList<FeatureWindow> CloseIdle(DateTimeOffset now)
    {
        // One pass without sorting over every service (this runs every tick); only the idle ones are put in order.
        List<ServiceWindows>? idle = null;
        foreach (var service in _services.Values)
        {
            if (service.OpenWindows > 0 && now - service.LastArrival >= _options.IdleTimeout) (idle ??= []).Add(service);
        }
        if (idle is null)
        {
            EvictIdle(now);
            return [];
        }
        idle.Sort(static (a, b) => string.CompareOrdinal(a.Service, b.Service));
        var closed = new List<FeatureWindow>();
        foreach (var service in idle)
        {
            service.AdvanceWatermark(service.MaxEventTicks + (now - service.LastArrival).Ticks - _options.Grace.Ticks);
            service.CloseReady(closed, _normalizer);
        }
        EvictIdle(now);
        return closed;
    }

    /// <summary>Forgets services without open windows idle for <see cref="WindowingOptions.EvictIdleAfter"/>; returns how many.</summary>
    private int EvictIdle(DateTimeOffset now)
    {
        if (_options.EvictIdleAfter <= TimeSpan.Zero) return 0;
        var idle = _services.Values.Where(s => s.OpenWindows == 0 && now - s.LastArrival >= _options.EvictIdleAfter).Select(s => s.Service).ToList();
        foreach (var service in idle)
        {
            _services.Remove(service);
            _normalizer?.Forget(service);
        }
        _tally.Release(idle.Count);
        return idle.Count;
    }

    /// <summary>Forgets every service (its partition was revoked), giving their places in the shared tally back.</summary>
    public void Drop()
    {
        _tally.Release(_services.Count);
        _services.Clear();
    }

    /// <summary>Closes every open window of every service (end of stream, shutdown); later samples for them are late.</summary>
    public IReadOnlyList<FeatureWindow> Flush()
    {
        var closed = new List<FeatureWindow>();
        foreach (var service in OrderedServices()) service.CloseAll(closed, _normalizer);
        return closed;
    }

    /// <summary>The service's watermark, or null before its first accepted sample.</summary>
    public DateTimeOffset? Watermark(string service) =>
        _services.TryGetValue(service, out var s) && s.WatermarkTicks > 0 ? new DateTimeOffset(s.WatermarkTicks, TimeSpan.Zero) : null;

    private IEnumerable<ServiceWindows> OrderedServices() => _services.Values.OrderBy(s => s.Service, StringComparer.Ordinal);
}
