using Pipeline.Contracts.Messages;

namespace Pipeline.Fleet.Proxy.Destinations;

/// <summary>Cumulative counters of the requests the proxy sent to one destination; thread-safe.</summary>
internal sealed class DestinationMeter
{
    private readonly Lock _gate = new();
    private readonly long[] _latencyCounts = new long[LatencyBuckets.Count];
    private long _requests, _completed, _errors;
    private double _latencySumMs;
    private int _inFlight;

    /// <summary>Proxied requests to the destination not answered yet.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public void Started()
    {
        lock (_gate)
        {
            _requests++;
            _inFlight++;
        }
    }

    public void Completed(double latencyMs, bool failed)
    {
        lock (_gate)
        {
            _inFlight--;
            _completed++;
            if (failed) _errors++;
            _latencyCounts[LatencyBuckets.IndexOf(latencyMs)]++;
            _latencySumMs += latencyMs;
        }
    }

    public MeterSnapshot Snapshot()
    {
        lock (_gate) return new MeterSnapshot(_requests, _completed, _errors, [.. _latencyCounts], _latencySumMs, _inFlight);
    }
}
