namespace Pipeline.Simulator.Evaluation;

/// <summary>Time series of one run for plots (not part of the JSON).</summary>
public sealed class RunSeries
{
    /// <summary>Minutes from the span's start of the points in <see cref="Demand"/>, <see cref="Ready"/> and <see cref="Desired"/>.</summary>
    public required double[] Minutes { get; init; }

    /// <summary>Replicas the offered load needs, at each point.</summary>
    public required double[] Demand { get; init; }

    /// <summary>Replicas serving traffic, at each point.</summary>
    public required double[] Ready { get; init; }

    /// <summary>Replicas the policy asked for, at each point.</summary>
    public required double[] Desired { get; init; }

    /// <summary>End (minutes from start) of each latency bucket.</summary>
    public required double[] LatencyMinutes { get; init; }

    /// <summary>Response-time percentiles (ms) per latency bucket; NaN where nothing completed.</summary>
    public required double[] P50Ms { get; init; }
    public required double[] P95Ms { get; init; }
    public required double[] P99Ms { get; init; }

    /// <summary>Response-time CDF after the warm-up: latency (ms) at each fraction of <see cref="CdfFractions"/>.</summary>
    public required double[] CdfMs { get; init; }
    public required double[] CdfFractions { get; init; }

    /// <summary>Minutes from the start where scoring begins.</summary>
    public double WarmupMinutes { get; init; }
}
