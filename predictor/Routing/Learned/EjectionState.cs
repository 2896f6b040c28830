namespace Pipeline.Predictor.Routing.Learned;

/// <summary>
/// Ejection bookkeeping of one replica, in seconds of an explicit clock (virtual or event time; never the wall clock).
/// Mutable and owned by one balancer or policy instance.
/// </summary>
public sealed class EjectionState
{
    /// <summary>Times ejected, decremented by one per healthy <see cref="OutlierEjectionOptions.Interval"/> (Envoy's multiplier).</summary>
    public int Ejections { get; private set; }

    /// <summary>End of the current (or last) ejection.</summary>
    public double EjectedUntil { get; private set; } = double.NegativeInfinity;

    /// <summary>Failed responses in a row since the last success.</summary>
    public int ConsecutiveErrors { get; private set; }

    /// <summary>Why the replica was last ejected.</summary>
    public string Reason { get; private set; } = "";

    private double _healthySince = double.NegativeInfinity;

    /// <summary>Whether the replica is out of rotation at <paramref name="now"/>.</summary>
    public bool IsEjected(double now) => now < EjectedUntil;

    /// <summary>Counts responses: any success resets the run of errors (order inside one batch is not known).</summary>
    public void RecordResponses(long successes, long errors)
    {
        if (successes > 0) ConsecutiveErrors = 0;
        else ConsecutiveErrors = (int)Math.Min(int.MaxValue, ConsecutiveErrors + errors);
    }

    /// <summary>Ejects at <paramref name="now"/> for base x (ejections so far + 1) seconds; returns the ejection length.</summary>
    public double Eject(double now, string reason, OutlierEjectionOptions options)
    {
        Ejections++;
        var seconds = OutlierEjection.EjectionSeconds(Ejections, options);
        EjectedUntil = now + seconds;
        _healthySince = EjectedUntil;
        ConsecutiveErrors = 0;
        Reason = reason;
        return seconds;
    }

    /// <summary>Lowers the multiplier by one for every full healthy interval since the last ejection ended.</summary>
    public void Sweep(double now, OutlierEjectionOptions options)
    {
        if (Ejections == 0 || IsEjected(now)) return;
        var interval = options.Interval.TotalSeconds;
        if (!(interval > 0)) return;
        var steps = (int)Math.Min(Ejections, Math.Floor((now - _healthySince) / interval));
        if (steps <= 0) return;
        Ejections -= steps;
        _healthySince += steps * interval;
    }
}
