namespace Pipeline.Docs.Tests;

/// <summary>The tables of one section of a Markdown document (from its heading to the next "##" or "###" heading).</summary>
internal static class ReadmeSection
{
    /// <summary>The section's tables whose first header cell satisfies <paramref name="firstHeader"/>; throws when the heading is missing.</summary>
    public static IReadOnlyList<MarkdownTable> Tables(string[] lines, string heading, Func<string, bool> firstHeader)
    {
        var start = Array.FindIndex(lines, l => l.Trim() == heading);
        if (start < 0) throw new InvalidOperationException($"no heading '{heading}'");
        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("##", StringComparison.Ordinal));
        if (end < 0) end = lines.Length;
        return MarkdownTable.ReadAll(lines)
            .Where(t => t.HeaderLine > start && t.HeaderLine <= end && firstHeader(t.Header[0]))
            .ToList();
    }
}
