namespace Pipeline.Cli.Bench;

/// <summary>What <c>pipeline bench-scale</c> runs: how many services, how long, at what rate, on which policy and engine.</summary>
internal sealed record ScaleBenchSettings
{
    public int Services { get; init; } = 1000;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);
    public string Policy { get; init; } = "hpa";
    public string Engine { get; init; } = "loop";

    /// <summary>Forecaster of the predictive policy (<c>pipeline predictor --forecaster</c>).</summary>
    public string Forecaster { get; init; } = new Pipeline.Predictor.Autoscaling.Predictive.PredictiveOptions().Forecaster;

    /// <summary>Samples produced per second of wall time.</summary>
    public double Rate { get; init; } = 200;

    /// <summary>Event time between a service's consecutive samples.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait after production for the stages to work off what was produced.</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Directory the stages' output is written to at the end (one file per stage), or null.</summary>
    public string? LogDirectory { get; init; }

    /// <summary>Time between progress lines.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(10);
}
