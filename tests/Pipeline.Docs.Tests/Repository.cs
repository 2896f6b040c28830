namespace Pipeline.Docs.Tests;

/// <summary>The repository the tests run from: the folder holding Pipeline.sln above the test binaries.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot(AppContext.BaseDirectory);

    /// <summary>The committed result files (<c>docs/results/*.json</c>).</summary>
    public static string ResultsDirectory => Path.Combine(Root, "docs", "results");

    /// <summary>A document's lines, by its path relative to the root (forward slashes).</summary>
    public static string[] Lines(string relativePath) => File.ReadAllLines(Path.Combine(Root, relativePath));

    private static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no Pipeline.sln above {start}");
    }
}
