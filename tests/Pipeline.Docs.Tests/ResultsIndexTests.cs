using System.Text.RegularExpressions;

namespace Pipeline.Docs.Tests;

/// <summary>
/// docs/results/README.md lists every committed result file with the command scripts/docs-results.sh runs for it,
/// so each file can be regenerated as documented.
/// </summary>
public sealed partial class ResultsIndexTests
{
    [Fact]
    public void Index_EveryResultFile_ListedWithTheScriptsCommand()
    {
        var files = Directory.GetFiles(Repository.ResultsDirectory, "*.json").Select(f => Path.GetFileNameWithoutExtension(f.AsSpan()).ToString()).Order().ToList();
        var script = ScriptRunRegex().Matches(File.ReadAllText(Path.Combine(Repository.Root, "scripts", "docs-results.sh")))
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["args"].Value);
        var index = MarkdownTable.ReadAll(Repository.Lines("docs/results/README.md")).SelectMany(t => t.Rows)
            .ToDictionary(r => r.Cells[0].Trim('`').Replace(".json", "", StringComparison.Ordinal), r => r);

        var problems = new List<string>();
        foreach (var name in files.Union(script.Keys).Union(index.Keys).Order())
        {
            if (!files.Contains(name)) problems.Add($"{name}: no docs/results/{name}.json");
            if (!script.TryGetValue(name, out var args)) problems.Add($"{name}: not in scripts/docs-results.sh");
            if (!index.TryGetValue(name, out var row)) problems.Add($"{name}: not in docs/results/README.md");
            else if (args is not null && Documented(row.Cells[1]) != args)
            {
                problems.Add($"docs/results/README.md:{row.Line}: {name} documents '{Documented(row.Cells[1])}', the script runs '{args}'");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.NotEmpty(files);
    }

    /// <summary>The index's command in the script's spelling: <c>pipeline evaluate --trace NASA ...</c> → <c>--trace $nasa ...</c>.</summary>
    private static string Documented(string cell) => cell.Trim('`')
        .Replace("pipeline evaluate ", "", StringComparison.Ordinal)
        .Replace("--trace NASA", "--trace $nasa", StringComparison.Ordinal)
        .Replace("--trace WIKI", "--trace $wiki", StringComparison.Ordinal);

    /// <summary>An entry of the script's runs array: <c>"name|arguments"</c>.</summary>
    [GeneratedRegex("""^\s*"(?<name>[a-z0-9.-]+)\|(?<args>[^"]+)"\s*$""", RegexOptions.Multiline)]
    private static partial Regex ScriptRunRegex();
}
