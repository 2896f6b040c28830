namespace Pipeline.Simulator.Load;

/// <summary>
/// Synthetic load for the live demo: base * (1 + a * sin(2 pi t / period)) times a trapezoidal surge, held constant
/// over steps of <see cref="SyntheticLoadOptions.Step"/>. Deterministic; only the Poisson arrivals are random.
/// </summary>
public sealed class SyntheticLoadProfile(SyntheticLoadOptions options) : ILoadProfile
{
    private readonly double _step = Math.Max(1e-3, options.Step.TotalSeconds);

    /// <inheritdoc />
    public string Name => "synthetic";

    /// <inheritdoc />
    public LoadSegment SegmentAt(double offsetSeconds)
    {
        var k = Math.Floor(Math.Max(0, offsetSeconds) / _step);
        var mid = (k + 0.5) * _step;
        return new LoadSegment(RateAt(mid), (k + 1) * _step);
    }

    /// <summary>The continuous rate (req/s) at an offset in seconds.</summary>
    public double RateAt(double offsetSeconds)
    {
        var daily = options.BaseRatePerSecond * (1 + options.DailyAmplitude * Math.Sin(2 * Math.PI * offsetSeconds / options.Period.TotalSeconds));
        return Math.Max(0, daily * SurgeFactor(offsetSeconds));
    }

    private double SurgeFactor(double t)
    {
        var start = options.SurgeStart.TotalSeconds;
        var length = options.SurgeDuration.TotalSeconds;
        if (length <= 0 || t < start || t >= start + length) return 1;
        var ramp = length / 5;
        var into = t - start;
        var level = into < ramp ? into / ramp : into > length - ramp ? (length - into) / ramp : 1;
        return 1 + (options.SurgeMultiplier - 1) * level;
    }
}
