using System.Diagnostics;

namespace Pipeline.Cli.Hosting;

/// <summary>
/// Virtual time for the demo and an accelerated simulated cluster: <c>start + wall time elapsed × speed-up</c>.
/// Only the "now" moves faster; timers created through it run in wall time.
/// </summary>
internal sealed class ScaledTimeProvider(DateTimeOffset start, double speedUp) : TimeProvider
{
    private readonly long _origin = Stopwatch.GetTimestamp();

    /// <summary>How many virtual seconds pass per wall second.</summary>
    public double SpeedUp { get; } = speedUp > 0 ? speedUp : throw new ArgumentOutOfRangeException(nameof(speedUp), "speed-up must be > 0");

    public DateTimeOffset Start { get; } = start;

    public override DateTimeOffset GetUtcNow() =>
        Start + TimeSpan.FromTicks((long)(Stopwatch.GetElapsedTime(_origin).Ticks * SpeedUp));
}
