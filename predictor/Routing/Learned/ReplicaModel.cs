using Pipeline.Contracts.Messages;

namespace Pipeline.Predictor.Routing.Learned;

/// <summary>
/// What the <c>learned</c> policy knows about one replica, updated once per window: its capacity (successful responses
/// per second at full utilization, successes / utilization), its latency response (mean latency = a + b x with
/// x = rho / (1 - rho), the M/M/1 shape, fitted by recursive least squares with forgetting), its success share and
/// its ejection state.
/// </summary>
public sealed class ReplicaModel(LearnedRoutingOptions options)
{
    private const double MaxRho = 0.95;
    private readonly RecursiveLeastSquares _latency = new(options.Forgetting);

    /// <summary>Smoothed capacity in successful responses per second at utilization 1; null until measured.</summary>
    public double? Capacity { get; private set; }

    /// <summary>Smoothed observed mean latency (ms) of successful responses; null until measured.</summary>
    public double? LatencyMs { get; private set; }

    /// <summary>Success share over responses (the fast-failure guard).</summary>
    public SuccessTracker Success { get; } = new();

    /// <summary>Ejection bookkeeping.</summary>
    public EjectionState Ejection { get; } = new();

    /// <summary>Windows that updated the latency regression.</summary>
    public int Observations => _latency.Count;

    /// <summary>Folds in one window's features of this replica.</summary>
    public void Observe(ReplicaFeatures features, double windowSeconds)
    {
        var responses = Math.Max(0, features.Throughput * windowSeconds);
        var errorShare = Math.Clamp(double.IsFinite(features.ErrorRate) ? features.ErrorRate : 0, 0, 1);
        var errors = Math.Round(responses * errorShare);
        var successes = Math.Round(responses) - errors;
        Success.Record((long)successes, (long)errors);
        if (successes < options.MinimumSuccesses) return;

        var rho = Math.Clamp(double.IsFinite(features.Utilization) ? features.Utilization : 0, 0, MaxRho);
        if (rho >= options.MinimumUtilization)
        {
            var capacity = successes / windowSeconds / rho;
            Capacity = Capacity is { } c ? c + options.CapacitySmoothing * (capacity - c) : capacity;
        }
        if (double.IsFinite(features.LatencyMeanMs) && features.LatencyMeanMs > 0)
        {
            _latency.Add(Load(rho), features.LatencyMeanMs);
            LatencyMs = LatencyMs is { } l ? l + options.CapacitySmoothing * (features.LatencyMeanMs - l) : features.LatencyMeanMs;
        }
    }

    /// <summary>Predicted mean latency (ms) at utilization <paramref name="rho"/>; null until measured.</summary>
    public double? PredictLatencyMs(double rho)
    {
        if (LatencyMs is not { } observed) return null;
        if (_latency.Count < 3) return observed;
        // A non-negative slope: latency never falls with load. Fall back to the smoothed observation when the fit
        // is degenerate (e.g. a replica held at one load level).
        var predicted = _latency.A + Math.Max(0, _latency.B) * Load(Math.Clamp(rho, 0, MaxRho));
        return predicted > 0 && double.IsFinite(predicted) ? predicted : observed;
    }

    private static double Load(double rho) => rho / (1 - rho);
}
