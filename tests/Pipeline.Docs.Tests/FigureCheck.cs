using System.Globalization;

namespace Pipeline.Docs.Tests;

/// <summary>Collects comparisons of printed figures with result-file values and the mismatches among them.</summary>
internal sealed class FigureCheck
{
    private readonly List<string> _mismatches = [];

    public int Checked { get; private set; }

    public IReadOnlyList<string> Mismatches => _mismatches;

    /// <summary>
    /// Compares one printed figure with the file's value (null: the file holds null, printed must be <c>n/a</c>).
    /// <paramref name="source"/> says where the value comes from, e.g. <c>nasa-7d.json predictive/least-request avgResponseMs</c>.
    /// </summary>
    public void Compare(string document, int line, string printed, double? actual, string source)
    {
        Checked++;
        var ok = actual is { } value ? PrintedNumber.Matches(printed, value) : printed.Trim() == "n/a";
        if (!ok)
        {
            var shown = actual?.ToString("R", CultureInfo.InvariantCulture) ?? "null";
            _mismatches.Add($"{document}:{line}: printed {printed}, {source} = {shown}");
        }
    }

    /// <summary>Records a problem that is not a single figure (a table or sentence not found, a cell without a number).</summary>
    public void Fail(string document, int line, string message) => _mismatches.Add($"{document}:{line}: {message}");

    /// <summary>Fails the test listing every mismatch, or when fewer than <paramref name="minimum"/> figures were compared.</summary>
    public void AssertClean(int minimum)
    {
        Assert.True(_mismatches.Count == 0, $"{_mismatches.Count} figure(s) differ from docs/results/ " +
            $"(regenerate with scripts/docs-results.sh, then fix the document):\n{string.Join('\n', _mismatches)}");
        Assert.True(Checked >= minimum, $"only {Checked} figures compared, expected at least {minimum}");
    }
}
