namespace Pipeline.Docs.Tests;

/// <summary>A value a sentence prints: computed from result runs, with where it comes from for messages.</summary>
internal sealed record Figure(double? Value, string Source)
{
    /// <summary>The run's metric times <paramref name="scale"/> (100: a rate printed in percent).</summary>
    public static Figure Of(ResultRun run, string path, double scale = 1) => new(run.Value(path) * scale, $"{run.Name} {path}");

    /// <summary>The change of the metric from <paramref name="reference"/> to <paramref name="run"/> in percent.</summary>
    public static Figure Percent(ResultRun run, ResultRun reference, string path) =>
        new(Change.Percent(run, reference, path), $"{run.Name} vs {reference.Name} {path} change %");

    /// <summary>run / reference of the metric.</summary>
    public static Figure Ratio(ResultRun run, ResultRun reference, string path) =>
        new(Change.Ratio(run, reference, path), $"{run.Name} / {reference.Name} {path}");
}
