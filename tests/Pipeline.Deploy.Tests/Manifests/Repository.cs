namespace Pipeline.Deploy.Tests.Manifests;

/// <summary>Paths in the repository the tests read: found by walking up from the test binaries to Pipeline.sln.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The top-level <c>deploy/</c> folder.</summary>
    public static string Deploy => Path.Combine(Root, "deploy");

    /// <summary>Every manifest under <c>deploy/</c> (kustomization files excluded), relative to it, in a stable order.</summary>
    public static IReadOnlyList<string> ManifestFiles() =>
    [
        .. Directory.GetFiles(Deploy, "*.yaml", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != Kustomization.FileName)
            .Select(f => Path.GetRelativePath(Deploy, f))
            .Order(StringComparer.Ordinal),
    ];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"Pipeline.sln not found above {AppContext.BaseDirectory}");
    }
}
