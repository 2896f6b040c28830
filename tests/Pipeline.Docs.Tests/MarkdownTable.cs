namespace Pipeline.Docs.Tests;

/// <summary>A pipe table of a Markdown document: header cells and rows, each with its 1-based line number.</summary>
internal sealed record MarkdownTable(int HeaderLine, IReadOnlyList<string> Header, IReadOnlyList<MarkdownRow> Rows)
{
    /// <summary>Every table of the lines (a | line followed by a |---| line starts one; it ends at the first line without |).</summary>
    public static IReadOnlyList<MarkdownTable> ReadAll(IReadOnlyList<string> lines)
    {
        var tables = new List<MarkdownTable>();
        for (var i = 0; i + 1 < lines.Count; i++)
        {
            if (!IsRow(lines[i]) || !lines[i + 1].TrimStart().StartsWith("|---", StringComparison.Ordinal)) continue;
            var rows = new List<MarkdownRow>();
            var j = i + 2;
            for (; j < lines.Count && IsRow(lines[j]); j++) rows.Add(new MarkdownRow(j + 1, Cells(lines[j])));
            tables.Add(new MarkdownTable(i + 1, Cells(lines[i]), rows));
            i = j;
        }
        return tables;
    }

    private static bool IsRow(string line) => line.TrimStart().StartsWith('|');

    private static string[] Cells(string line) =>
        line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
}

/// <summary>One body row of a <see cref="MarkdownTable"/>.</summary>
internal sealed record MarkdownRow(int Line, IReadOnlyList<string> Cells);
