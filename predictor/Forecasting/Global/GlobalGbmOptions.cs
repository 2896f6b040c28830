namespace Pipeline.Predictor.Forecasting.Global;

/// <summary>
/// Options of the <c>gbm-global</c> forecaster: one model per horizon trained on rows pooled from every service. The
/// trees themselves (count, leaves, learning rate, seed, <see cref="Gbm.GbmOptions.MinTrainingRows"/>) are the
/// <c>gbm</c> forecaster's <see cref="ForecastingOptions.Gbm"/>.
/// </summary>
public sealed class GlobalGbmOptions
{
    /// <summary>Most rows per horizon model in one round, over all services: bounds a round's time whatever the fleet size.</summary>
    public int MaxTrainingRows { get; set; } = 20_000;

    /// <summary>
    /// Origins come from each service's newest span of this length (recent history, kept at full resolution), denser
    /// towards the newest point.
    /// </summary>
    public TimeSpan OriginWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How strongly origins crowd towards the newest point when a service's share is smaller than its window: the k-th of
    /// q origins sits at age window × ((k + u) / q)^Recency (u uniform in [0, 1)); 1 spreads them evenly, 2 (default)
    /// gives a density falling as 1/√age.
    /// </summary>
    public double Recency { get; set; } = 2;

    /// <summary>
    /// The origin window holds at least this many points, whatever <see cref="OriginWindow"/> spans (7 days are only 168
    /// hourly points, fewer than <see cref="Gbm.GbmOptions.MinTrainingRows"/>: a lone hourly service would never train).
    /// </summary>
    public int MinOriginPoints { get; set; } = 1000;

    /// <summary>
    /// Refit at least this often (event time) once trained, and no more often than every
    /// <see cref="Gbm.GbmOptions.RetrainMinPoints"/> points (as <c>gbm</c>); earlier when the pooled rows have doubled.
    /// </summary>
    public TimeSpan RetrainInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Origins in a service's window at <paramref name="step"/>: <see cref="OriginWindow"/>, at least <see cref="MinOriginPoints"/>.</summary>
    public long OriginPoints(TimeSpan step) => Math.Max(MinOriginPoints, (long)(OriginWindow / step));

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (MaxTrainingRows < 10) throw new ArgumentException($"GlobalGbm.MaxTrainingRows: must be >= 10, was {MaxTrainingRows}");
        if (OriginWindow <= TimeSpan.Zero) throw new ArgumentException($"GlobalGbm.OriginWindow: must be > 0, was {OriginWindow}");
        if (!(Recency >= 1 && Recency <= 10)) throw new ArgumentException($"GlobalGbm.Recency: must be in [1, 10], was {Recency}");
        if (MinOriginPoints < 1) throw new ArgumentException($"GlobalGbm.MinOriginPoints: must be >= 1, was {MinOriginPoints}");
        if (RetrainInterval <= TimeSpan.Zero) throw new ArgumentException($"GlobalGbm.RetrainInterval: must be > 0, was {RetrainInterval}");
    }
}
