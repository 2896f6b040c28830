namespace Pipeline.Simulator.Load;

/// <summary>Shape of the <see cref="SyntheticLoadProfile"/>: a daily sine wave plus one surge.</summary>
public sealed class SyntheticLoadOptions
{
    /// <summary>Mean request rate of the daily pattern (req/s).</summary>
    public double BaseRatePerSecond { get; init; } = 100;

    /// <summary>Relative amplitude of the daily sine (0..1): the rate swings between base*(1-a) and base*(1+a).</summary>
    public double DailyAmplitude { get; init; } = 0.5;

    /// <summary>Period of the sine wave; a day by default, shorten it for a fast demo.</summary>
    public TimeSpan Period { get; init; } = TimeSpan.FromDays(1);

    /// <summary>When the surge starts, measured from the profile start.</summary>
    public TimeSpan SurgeStart { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the surge lasts (it ramps up and down linearly over a fifth of this each way).</summary>
    public TimeSpan SurgeDuration { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Multiplier at the surge's plateau (e.g. 3 = three times the daily pattern).</summary>
    public double SurgeMultiplier { get; init; } = 3;

    /// <summary>Width of each constant-rate step.</summary>
    public TimeSpan Step { get; init; } = TimeSpan.FromSeconds(1);
}
