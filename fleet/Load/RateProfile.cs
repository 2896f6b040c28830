using Pipeline.Simulator.Traces;

namespace Pipeline.Fleet.Load;

/// <summary>Arrival rate (requests per wall second) as a step function of wall time since the start of a run.</summary>
public sealed class RateProfile
{
    private readonly double[] _rates;
    private readonly TimeSpan _step;
    private readonly TimeSpan _firstStepEnd;

    private RateProfile(double[] rates, TimeSpan firstStepEnd, TimeSpan step, string description)
    {
        _rates = rates;
        _firstStepEnd = firstStepEnd;
        _step = step;
        Description = description;
    }

    /// <summary>Human-readable origin of the rate, for reports.</summary>
    public string Description { get; }

    /// <summary>Largest rate of the profile.</summary>
    public double PeakRate => _rates.Max();

    /// <summary>A constant rate of <paramref name="requestsPerSecond"/>.</summary>
    public static RateProfile Constant(double requestsPerSecond)
    {
        if (!(requestsPerSecond > 0) || !double.IsFinite(requestsPerSecond))
            throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond, "the rate must be positive");
        return new RateProfile([requestsPerSecond], TimeSpan.MaxValue, TimeSpan.MaxValue, $"constant {requestsPerSecond:0.###} req/s");
    }

    /// <summary>
    /// Follows <paramref name="trace"/> from <paramref name="start"/> (trace time) at <paramref name="speed"/> trace seconds per
    /// wall second for <paramref name="duration"/> of wall time, scaled so the busiest row of that span runs at <paramref name="peakRate"/>.
    /// </summary>
    public static RateProfile FromTrace(Trace trace, TimeSpan start, TimeSpan duration, double speed, double peakRate)
    {
        if (!(speed > 0) || !double.IsFinite(speed)) throw new ArgumentOutOfRangeException(nameof(speed), speed, "speed must be positive");
        if (!(peakRate > 0) || !double.IsFinite(peakRate)) throw new ArgumentOutOfRangeException(nameof(peakRate), peakRate, "the peak rate must be positive");
        if (duration <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(duration), duration, "duration must be positive");
        var first = (int)(start.Ticks / trace.Interval.Ticks);
        var traceEnd = start + duration * speed;
        var last = (int)Math.Min(trace.Requests.Count - 1, (traceEnd.Ticks - 1) / trace.Interval.Ticks);
        if (first >= trace.Requests.Count || start < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(start), start, $"start is outside trace '{trace.Name}' ({trace.Duration} long)");
        var rows = new double[last - first + 1];
        for (var i = 0; i < rows.Length; i++) rows[i] = trace.Requests[first + i];
        var peak = rows.Max();
        if (peak <= 0) throw new ArgumentException($"trace '{trace.Name}' has no requests between {start} and {traceEnd}");
        var rates = rows.Select(r => r / peak * peakRate).ToArray();
        var step = trace.Interval / speed;
        var firstStepEnd = (trace.Interval * (first + 1) - start) / speed;
        var covered = firstStepEnd + step * (rates.Length - 1);
        var shortNote = covered < duration ? $"; the trace ends after {covered.TotalSeconds:0.#} s of the {duration.TotalSeconds:0.#} s run" : "";
        return new RateProfile(rates, firstStepEnd, step,
            $"trace {trace.Name} from {start} at {speed:0.###}x, peak {peakRate:0.###} req/s{shortNote}");
    }

    /// <summary>The rate in force at wall offset <paramref name="at"/> and when that step ends.</summary>
    internal (double Rate, TimeSpan End) StepAt(TimeSpan at)
    {
        if (_rates.Length == 1) return (_rates[0], TimeSpan.MaxValue);
        var index = at < _firstStepEnd ? 0 : 1 + (int)((at - _firstStepEnd).Ticks / _step.Ticks);
        if (index >= _rates.Length) return (0, TimeSpan.MaxValue);
        return (_rates[index], _firstStepEnd + _step * index);
    }
}
