namespace Pipeline.Predictor.Forecasting.Training;

/// <summary>Names of the built-in trainer modes.</summary>
public static class TrainerModes
{
    /// <summary>Train inside the decision call (simulator, tests).</summary>
    public const string Synchronous = "sync";

    /// <summary>Train on a background task and swap the model in (live predictor).</summary>
    public const string Background = "background";

    /// <summary>Every mode.</summary>
    public static IReadOnlyList<string> All { get; } = [Synchronous, Background];

    /// <summary>A trainer for <paramref name="mode"/>; unknown modes are rejected with the list of known ones.</summary>
    public static IForecastTrainer Create(string mode) => mode switch
    {
        Synchronous => new SynchronousTrainer(),
        Background => new BackgroundTrainer(),
        _ => throw new ArgumentException($"unknown trainer mode '{mode}'; known modes: {string.Join(", ", All)}", nameof(mode)),
    };
}
