namespace Pipeline.Simulator.Load;

/// <summary>The same rate forever (queueing-theory tests, quick experiments).</summary>
public sealed class ConstantLoadProfile(double ratePerSecond) : ILoadProfile
{
    /// <inheritdoc />
    public string Name => $"constant({ratePerSecond:0.###}/s)";

    /// <inheritdoc />
    public LoadSegment SegmentAt(double offsetSeconds) => new(ratePerSecond, double.PositiveInfinity);
}
