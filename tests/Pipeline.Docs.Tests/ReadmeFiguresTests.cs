namespace Pipeline.Docs.Tests;

/// <summary>README.md's autoscaling results against the committed result files in docs/results/.</summary>
public sealed class ReadmeFiguresTests
{
    private const string Readme = "README.md";
    private const string Autoscaling = "### Autoscaling: first 7 days of each trace";

    [Fact]
    public void ComparisonTable_EveryFigure_MatchesNasa7dResultFile()
    {
        var tables = ReadmeSection.Tables(Repository.Lines(Readme), Autoscaling, h => h == "metric");
        var check = new FigureCheck();

        ComparisonTable.Check(check, Readme, Assert.Single(tables), ResultFile.Load("nasa-7d"));

        check.AssertClean(minimum: 50);
    }

    [Fact]
    public void OperatingPointTable_EveryFigure_MatchesResultFiles()
    {
        var tables = ReadmeSection.Tables(Repository.Lines(Readme), Autoscaling, h => h.Contains("--predictive-upper", StringComparison.Ordinal));
        var check = new FigureCheck();

        OperatingPointTable.Check(check, Readme, Assert.Single(tables), ResultFile.Load);

        check.AssertClean(minimum: 20);
    }

    [Fact]
    public void Sentences_EveryFigure_MatchesResultFiles()
    {
        var text = string.Join('\n', Repository.Lines(Readme));
        var check = new FigureCheck();

        foreach (var claim in ReadmeClaims.All()) claim.Check(check, Readme, text);

        check.AssertClean(minimum: 40);
    }
}
