namespace Pipeline.Simulator.Load;

/// <summary>
/// Offered load of one service: a piecewise-constant request rate over virtual time. The cluster draws Poisson
/// arrivals at the rate of each segment, so a trace row of N requests per minute becomes a Poisson stream of
/// N/60 requests per second for that minute.
/// </summary>
public interface ILoadProfile
{
    /// <summary>Name for reports (e.g. the trace file name or <c>synthetic</c>).</summary>
    string Name { get; }

    /// <summary>
    /// The rate in effect at <paramref name="offsetSeconds"/> after the profile's start and the offset where it ends.
    /// After the profile's end the rate is 0 and the segment ends at <see cref="double.PositiveInfinity"/>.
    /// </summary>
    LoadSegment SegmentAt(double offsetSeconds);
}

/// <summary>A constant-rate stretch of a <see cref="ILoadProfile"/>.</summary>
/// <param name="RatePerSecond">Mean arrivals per second (&gt;= 0).</param>
/// <param name="EndSeconds">Offset (seconds from the profile's start) where this rate stops applying; greater than the queried offset.</param>
public readonly record struct LoadSegment(double RatePerSecond, double EndSeconds);
