namespace Pipeline.Fleet.Load;

/// <summary>
/// Poisson arrival times for a step-function rate: each gap is an exponential draw of unit mean, spent through the
/// rate steps (time change of a non-homogeneous Poisson process), so interarrival times are exponential within a step.
/// </summary>
internal sealed class ArrivalSchedule(RateProfile rate, TimeSpan end, int seed)
{
    private readonly Random _random = new(seed);
    private TimeSpan _now = TimeSpan.Zero;

    /// <summary>The next arrival's offset from the start, or null when none falls before the end.</summary>
    public TimeSpan? Next()
    {
        var need = -Math.Log(1 - _random.NextDouble());
        while (_now < end)
        {
            var (r, stepEnd) = rate.StepAt(_now);
            var limit = stepEnd < end ? stepEnd : end;
            if (r > 0)
            {
                var seconds = need / r;
                if (seconds < (limit - _now).TotalSeconds)
                {
                    _now += TimeSpan.FromSeconds(seconds);
                    return _now;
                }
                need -= r * (limit - _now).TotalSeconds;
            }
            _now = limit;
        }
        return null;
    }
}
