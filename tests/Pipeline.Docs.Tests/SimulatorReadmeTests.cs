using System.Text.RegularExpressions;

namespace Pipeline.Docs.Tests;

/// <summary>simulator/README.md points at the root README's results instead of keeping its own copy of the figures.</summary>
public sealed partial class SimulatorReadmeTests
{
    [Fact]
    public void Tables_NoneQuotesAnEvaluateRun()
    {
        var tables = MarkdownTable.ReadAll(Repository.Lines("simulator/README.md"));

        var copies = tables.Where(t => t.Header.Any(h => RunColumnRegex().IsMatch(h))).Select(t => $"simulator/README.md:{t.HeaderLine}");

        Assert.True(!copies.Any(), $"evaluate results belong in README.md's Results (checked against docs/results/), not in {string.Join(", ", copies)}");
    }

    /// <summary>A column named after a policy of evaluate ("hpa+rr", "predictive + least-request", "oracle (ref)").</summary>
    [GeneratedRegex(@"\b(hpa|predictive|oracle|static-peak)\b")]
    private static partial Regex RunColumnRegex();
}
