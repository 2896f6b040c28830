namespace Pipeline.Predictor.Forecasting.HoltWinters;

/// <summary>Options of the <c>holt-winters</c> forecaster.</summary>
public sealed class HoltWintersOptions
{
    /// <summary>Candidate level smoothing factors (α) of the grid search.</summary>
    public double[] Alphas { get; set; } = [0.05, 0.15, 0.3, 0.5, 0.8];

    /// <summary>Candidate trend smoothing factors (β).</summary>
    public double[] Betas { get; set; } = [0.0, 0.01, 0.05, 0.2];

    /// <summary>Candidate seasonal smoothing factors (γ).</summary>
    public double[] Gammas { get; set; } = [0.02, 0.1, 0.3];

    /// <summary>Trend damping φ (1 = undamped).</summary>
    public double Damping { get; set; } = 0.98;

    /// <summary>Seasons of history the fit looks at (at most).</summary>
    public int TrainingSeasons { get; set; } = 14;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        foreach (var (name, values) in new[] { ("Alphas", Alphas), ("Betas", Betas), ("Gammas", Gammas) })
        {
            if (values.Length == 0 || values.Any(v => !(v >= 0 && v <= 1))) throw new ArgumentException($"{name}: must be a non-empty list of values in [0, 1]");
        }
        if (!(Damping > 0 && Damping <= 1)) throw new ArgumentException($"Damping: must be in (0, 1], was {Damping}");
        if (TrainingSeasons < 2) throw new ArgumentException($"TrainingSeasons: must be >= 2, was {TrainingSeasons}");
    }
}
