namespace Pipeline.Predictor.Forecasting.Gbm;

/// <summary>Options of the <c>gbm</c> forecaster (ML.NET FastTree regression, one model per horizon).</summary>
public sealed class GbmOptions
{
    /// <summary>Horizons 1..<see cref="Horizons"/> (in history steps) get a model each.</summary>
    public int Horizons { get; set; } = 6;

    /// <summary>Boosted trees per model.</summary>
    public int Trees { get; set; } = 100;

    /// <summary>Leaves per tree.</summary>
    public int Leaves { get; set; } = 16;

    /// <summary>Minimum training examples per leaf.</summary>
    public int MinExamplesPerLeaf { get; set; } = 20;

    /// <summary>Shrinkage of each tree.</summary>
    public double LearningRate { get; set; } = 0.1;

    /// <summary>Most training rows per model; older history is subsampled with a stride to stay under it (bounds training time).</summary>
    public int MaxTrainingRows { get; set; } = 20_000;

    /// <summary>Rows needed before the first training.</summary>
    public int MinTrainingRows { get; set; } = 200;

    /// <summary>Refit at least this often once warm (in points; a day of points is used when longer).</summary>
    public int RetrainMinPoints { get; set; } = 500;

    /// <summary>Seed of the ML.NET context (training is single-threaded, so results are reproducible).</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        if (Horizons < 1) throw new ArgumentException($"Gbm.Horizons: must be >= 1, was {Horizons}");
        if (Trees < 1) throw new ArgumentException($"Gbm.Trees: must be >= 1, was {Trees}");
        if (Leaves < 2) throw new ArgumentException($"Gbm.Leaves: must be >= 2, was {Leaves}");
        if (MinExamplesPerLeaf < 1) throw new ArgumentException($"Gbm.MinExamplesPerLeaf: must be >= 1, was {MinExamplesPerLeaf}");
        if (!(LearningRate > 0 && LearningRate <= 1)) throw new ArgumentException($"Gbm.LearningRate: must be in (0, 1], was {LearningRate}");
        if (MaxTrainingRows < MinTrainingRows) throw new ArgumentException($"Gbm.MaxTrainingRows: must be >= MinTrainingRows, was {MaxTrainingRows}");
        if (MinTrainingRows < 10) throw new ArgumentException($"Gbm.MinTrainingRows: must be >= 10, was {MinTrainingRows}");
        if (RetrainMinPoints < 1) throw new ArgumentException($"Gbm.RetrainMinPoints: must be >= 1, was {RetrainMinPoints}");
    }
}
