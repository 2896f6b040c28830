namespace Pipeline.Docs.Tests;

/// <summary>Relative figures between two runs, as the documents print them.</summary>
internal static class Change
{
    /// <summary>100 * (run / reference - 1) of the metric; null when either is null.</summary>
    public static double? Percent(ResultRun run, ResultRun reference, string path) =>
        run.Value(path) / reference.Value(path) * 100 - 100;

    /// <summary>run / reference of the metric; null when either is null.</summary>
    public static double? Ratio(ResultRun run, ResultRun reference, string path) =>
        run.Value(path) / reference.Value(path);
}
