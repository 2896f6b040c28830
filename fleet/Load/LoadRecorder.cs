namespace Pipeline.Fleet.Load;

/// <summary>Counts arrivals and collects request outcomes of one run (thread-safe); summarizes them into a <see cref="LoadResult"/>.</summary>
internal sealed class LoadRecorder(LoadOptions options)
{
    private readonly List<RequestOutcome> _outcomes = [];
    private readonly List<long> _arrivalsPerSecond = [];
    private readonly List<long> _notSentPerSecond = [];
    private readonly Lock _gate = new();
    private int _inFlight;
    private long _arrivals;
    private long _notSent;
    private long _errors;
    private int _progressMark;

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Counts an arrival; true (and one more in flight) when it may be sent, false when the client is saturated.</summary>
    public bool TryBegin(TimeSpan scheduled)
    {
        var send = Interlocked.Increment(ref _inFlight) <= options.MaxInFlight;
        if (!send) Interlocked.Decrement(ref _inFlight);
        lock (_gate)
        {
            _arrivals++;
            var second = (int)scheduled.TotalSeconds;
            while (_arrivalsPerSecond.Count <= second) { _arrivalsPerSecond.Add(0); _notSentPerSecond.Add(0); }
            _arrivalsPerSecond[second]++;
            if (!send) { _notSent++; _notSentPerSecond[second]++; }
        }
        return send;
    }

    public void Complete(RequestOutcome outcome)
    {
        lock (_gate)
        {
            _outcomes.Add(outcome);
            if (outcome.Error is not null) _errors++;
        }
        Interlocked.Decrement(ref _inFlight);
    }

    /// <summary>A one-line summary of the run so far, with latency and lag percentiles of the requests completed since the last line.</summary>
    public string ProgressLine(TimeSpan elapsed)
    {
        List<RequestOutcome> recent;
        long arrivals, notSent, done, errors;
        lock (_gate)
        {
            recent = _outcomes.GetRange(_progressMark, _outcomes.Count - _progressMark);
            _progressMark = _outcomes.Count;
            (arrivals, notSent, done, errors) = (_arrivals, _notSent, _outcomes.Count, _errors);
        }
        var ok = recent.Where(o => o.Error is null).Select(o => o.FromScheduledMs).ToList();
        ok.Sort();
        var lag = recent.Select(o => o.LagMs).ToList();
        lag.Sort();
        return $"loadgen {elapsed.TotalSeconds,6:0.0}s: arrivals {arrivals}, done {done} ({errors} errors), in flight {InFlight}, " +
            $"not sent {notSent}; last interval p50 {Percentiles.At(ok, 0.5):0.0} ms, p99 {Percentiles.At(ok, 0.99):0.0} ms, lag p99 {Percentiles.At(lag, 0.99):0.0} ms";
    }

    public LoadResult Result(TimeSpan elapsed) => LoadSummary.Build(options, elapsed, Snapshot());

    private (List<RequestOutcome> Outcomes, long[] Arrivals, long[] NotSent, long ArrivalCount, long NotSentCount) Snapshot()
    {
        lock (_gate) return ([.. _outcomes], [.. _arrivalsPerSecond], [.. _notSentPerSecond], _arrivals, _notSent);
    }
}
