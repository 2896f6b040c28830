using Pipeline.Contracts.Messages;

namespace Pipeline.Features.Windowing;

/// <summary>What <see cref="WindowAggregator.Add"/> did with a sample.</summary>
public enum SampleDisposition
{
    /// <summary>Counted in its window.</summary>
    Accepted,

    /// <summary>Its window had already closed (past the grace); send it to the dead-letter topic with <see cref="SampleResult.Reason"/>.</summary>
    Late,

    /// <summary>A sample with the same service, replica and timestamp was already counted; ignored.</summary>
    Duplicate,

    /// <summary>Its event time is too far ahead of its arrival (<see cref="WindowingOptions.MaxAheadOfArrival"/>); send it to the dead-letter topic.</summary>
    TooFarAhead,

    /// <summary>Counting it would exceed <see cref="WindowingOptions.MaxServices"/> or <see cref="WindowingOptions.MaxReplicasPerWindow"/>; send it to the dead-letter topic.</summary>
    OverLimit,
}

/// <summary>The disposition of one sample plus the windows its arrival closed (in window order).</summary>
/// <param name="Disposition">Accepted, late or duplicate.</param>
/// <param name="Reason">Why a sample was not accepted; null when accepted.</param>
/// <param name="Closed">Windows closed because the watermark advanced; empty most of the time.</param>
public sealed record SampleResult(SampleDisposition Disposition, string? Reason, IReadOnlyList<FeatureWindow> Closed);
