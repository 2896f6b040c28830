using System.Globalization;
using Pipeline.Contracts.Messages;
using Pipeline.Features.Normalization;

namespace Pipeline.Features.Windowing;

/// <summary>The open windows and the watermark of one service.</summary>
internal sealed class ServiceWindows(string service, WindowingOptions options)
{
    private readonly OpenWindows _open = new();
    private readonly long _sizeTicks = options.WindowSize.Ticks;

    public string Service { get; } = service;

    /// <summary>Newest event time seen (UTC ticks).</summary>
    public long MaxEventTicks { get; private set; } = long.MinValue;

    /// <summary>Windows ending at or before the watermark are closed (UTC ticks); long.MinValue before the first sample.</summary>
    public long WatermarkTicks { get; private set; } = long.MinValue;

    /// <summary>Processing time of the newest arrival.</summary>
    public DateTimeOffset LastArrival { get; private set; }

    public int OpenWindows => _open.Count;

    public SampleDisposition Add(MetricSample sample, DateTimeOffset receivedAt, out string? reason)
    {
        // The sample covers (timestamp - interval, timestamp]; it belongs to the window containing the interval's midpoint,
        // so a sample ending exactly on a window boundary counts in the window it describes.
        var midpoint = sample.Timestamp.UtcTicks - (long)(sample.IntervalSeconds * TimeSpan.TicksPerSecond / 2);
        var index = Math.DivRem(midpoint, _sizeTicks, out var rem) - (rem < 0 ? 1 : 0);
        var endTicks = (index + 1) * _sizeTicks;
        if (endTicks <= WatermarkTicks)
        {
            reason = string.Create(CultureInfo.InvariantCulture,
                $"late: window [{Format(endTicks - _sizeTicks)}, {Format(endTicks)}) of service {Service} closed; watermark {Format(WatermarkTicks)} (max event time - grace {options.Grace.TotalSeconds:0.###} s), sample timestamp {sample.Timestamp.UtcDateTime:O}");
            return SampleDisposition.Late;
        }
        if (options.MaxAheadOfArrival is { } maxAhead && sample.Timestamp - receivedAt > maxAhead)
        {
            reason = string.Create(CultureInfo.InvariantCulture,
                $"too far ahead: sample timestamp {sample.Timestamp.UtcDateTime:O} is {(sample.Timestamp - receivedAt).TotalSeconds:0.###} s after its arrival {receivedAt.UtcDateTime:O} (limit {maxAhead.TotalSeconds:0.###} s)");
            return SampleDisposition.TooFarAhead;
        }
        if (!_open.TryGet(index, out var window))
        {
            window = new WindowAccumulator(new DateTimeOffset(endTicks - _sizeTicks, TimeSpan.Zero), new DateTimeOffset(endTicks, TimeSpan.Zero));
            _open.Add(index, window);
        }
        if (window.ReplicaCount >= options.MaxReplicasPerWindow && !window.HasReplica(sample.Replica))
        {
            reason = string.Create(CultureInfo.InvariantCulture,
                $"limit: window [{window.Start.UtcDateTime:O}, {window.End.UtcDateTime:O}) of service {Service} already has {window.ReplicaCount} replicas (the limit); replica {sample.Replica} not counted");
            return SampleDisposition.OverLimit;
        }
        if (!window.TryAdd(sample))
        {
            reason = string.Create(CultureInfo.InvariantCulture,
                $"duplicate: a sample of service {Service}, replica {sample.Replica} at {sample.Timestamp.UtcDateTime:O} was already counted");
            return SampleDisposition.Duplicate;
        }
        LastArrival = receivedAt;
        MaxEventTicks = Math.Max(MaxEventTicks, sample.Timestamp.UtcTicks);
        AdvanceWatermark(MaxEventTicks - options.Grace.Ticks);
        reason = null;
        return SampleDisposition.Accepted;
    }

    /// <summary>Moves the watermark forward (never back).</summary>
    public void AdvanceWatermark(long ticks)
    {
        if (ticks > WatermarkTicks) WatermarkTicks = ticks;
    }

    /// <summary>Whether the oldest open window's end is at or before the watermark.</summary>
    public bool HasClosable => _open.Count > 0 && (_open.OldestIndex + 1) * _sizeTicks <= WatermarkTicks;

    /// <summary>Removes and builds the windows whose end is at or before the watermark, oldest first, scored by <paramref name="normalizer"/> when given.</summary>
    public void CloseReady(List<FeatureWindow> output, FeatureNormalizer? normalizer)
    {
        while (_open.Count > 0)
        {
            if ((_open.OldestIndex + 1) * _sizeTicks > WatermarkTicks) break;
            output.Add(FeatureWindowBuilder.Build(Service, _open.RemoveOldest(), normalizer));
        }
    }

    /// <summary>Closes every open window and moves the watermark to the end of the newest one.</summary>
    public void CloseAll(List<FeatureWindow> output, FeatureNormalizer? normalizer)
    {
        if (_open.Count == 0) return;
        AdvanceWatermark((_open.NewestIndex + 1) * _sizeTicks);
        CloseReady(output, normalizer);
    }

    private static string Format(long utcTicks) => new DateTime(Math.Clamp(utcTicks, 0, DateTime.MaxValue.Ticks), DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture);
}
