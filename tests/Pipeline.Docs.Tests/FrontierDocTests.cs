using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pipeline.Docs.Tests;

/// <summary>
/// docs/frontier.md's tables against the committed frontier files they name (a "Source: [..](frontier/NAME/frontier.json)"
/// line above each table; scripts/frontier-all.sh writes the files, scripts/frontier-tables.py prints the tables).
/// </summary>
public partial class FrontierDocTests
{
    private const string Document = "docs/frontier.md";

    [Fact]
    public void EveryTableRow_MatchesItsFrontierFile()
    {
        var lines = Repository.Lines(Document);
        var checkedRows = 0;
        foreach (var table in MarkdownTable.ReadAll(lines).Where(t => t.Header is ["policy", "setting", "replica-h", "violations", ..]))
        {
            var source = Enumerable.Range(0, table.HeaderLine - 1).Reverse().Select(i => SourceLink().Match(lines[i])).FirstOrDefault(m => m.Success)
                ?? throw new Xunit.Sdk.XunitException($"{Document}:{table.HeaderLine}: no 'Source: [..](frontier/NAME/frontier.json)' line above the table");
            using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "docs", source.Groups[1].Value)));
            foreach (var row in table.Rows)
            {
                var (policy, setting) = (row.Cells[0].Trim('*'), row.Cells[1].Trim('*'));
                var run = Find(file.RootElement.GetProperty("runs"), policy, setting)
                    ?? throw new Xunit.Sdk.XunitException($"{Document}:{row.Line}: no run '{policy}' '{setting}' in {source.Groups[1].Value}");
                Expect(row, 2, run.GetProperty("replicaHours").GetDouble().ToString("F1", CultureInfo.InvariantCulture), source.Groups[1].Value);
                Expect(row, 3, (run.GetProperty("slaViolationRate").GetDouble() * 100).ToString("F3", CultureInfo.InvariantCulture) + "%", source.Groups[1].Value);
                if (Find(file.RootElement.GetProperty("comparisons"), policy, setting) is { } c && row.Cells.Count > 6)
                {
                    Expect(row, 5, Ratio(c.GetProperty("costRatioAtEqualViolations")), source.Groups[1].Value);
                    Expect(row, 6, Ratio(c.GetProperty("violationRatioAtEqualCost")), source.Groups[1].Value);
                }
                checkedRows++;
            }
        }
        Assert.True(checkedRows >= 40, $"only {checkedRows} frontier rows found in {Document}");
    }

    [Fact]
    public void EveryFrontierFile_IsShownInTheDocument()
    {
        var text = string.Join('\n', Repository.Lines(Document));
        foreach (var dir in Directory.GetDirectories(Path.Combine(Repository.Root, "docs", "frontier")))
        {
            Assert.Contains($"(frontier/{Path.GetFileName(dir)}/frontier.json)", text);
        }
    }

    private static JsonElement? Find(JsonElement list, string policy, string setting) =>
        list.EnumerateArray().Cast<JsonElement?>().FirstOrDefault(r =>
            r!.Value.GetProperty("policy").GetString() == policy && r.Value.GetProperty("setting").GetString() == setting);

    private static string Ratio(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetDouble().ToString("F2", CultureInfo.InvariantCulture) + "×" : "n/a";

    private static void Expect(MarkdownRow row, int cell, string expected, string file)
    {
        var printed = row.Cells[cell].Trim('*');
        if (printed != expected) throw new Xunit.Sdk.XunitException($"{Document}:{row.Line}: cell {cell + 1} prints '{printed}', {file} has '{expected}'");
    }

    [GeneratedRegex(@"\]\((frontier/[^)]+/frontier\.json)\)")]
    private static partial Regex SourceLink();
}
