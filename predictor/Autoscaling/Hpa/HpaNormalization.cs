namespace Pipeline.Predictor.Autoscaling.Hpa;

/// <summary>The result of the controller's normalization of a recommendation.</summary>
/// <param name="Stabilized">The recommendation after the stabilization windows.</param>
/// <param name="Final">The replicas after rate limits and min/max bounds.</param>
/// <param name="Limit">What capped <paramref name="Final"/>: null, "rate" or "bound".</param>
/// <param name="LimitValue">The cap that applied (the rate limit or the bound).</param>
/// <param name="LimitDescription">Human-readable cap, e.g. "scale-up limited to 8 by 100% per 15s".</param>
internal sealed record HpaNormalization(int Stabilized, int Final, string? Limit, int LimitValue, string LimitDescription);
