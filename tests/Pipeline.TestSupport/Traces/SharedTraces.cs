namespace Pipeline.TestSupport.Traces;

/// <summary>
/// The real public traces in <c>shared/traces/&lt;name&gt;/&lt;name&gt;.csv</c>, found by walking up from the test binaries
/// (the repository is cloned next to <c>shared/</c>); never copied into the repository.
/// </summary>
public static class SharedTraces
{
    /// <summary>Full path of trace <paramref name="name"/> (e.g. <c>nasa_jul95</c>); throws naming the searched folders when absent.</summary>
    public static string Path(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var file = System.IO.Path.Combine(dir.FullName, "shared", "traces", name, name + ".csv");
            if (File.Exists(file)) return file;
        }
        throw new FileNotFoundException($"trace '{name}' not found in shared/traces above {AppContext.BaseDirectory}");
    }
}
