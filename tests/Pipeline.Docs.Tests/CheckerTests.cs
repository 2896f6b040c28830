namespace Pipeline.Docs.Tests;

/// <summary>The checkers catch stale figures (so the README tests can fail) and name where and what differs.</summary>
public sealed class CheckerTests
{
    private const string Json = """
        {"runs":[
          {"autoscaler":"hpa","balancer":"round-robin","avgResponseMs":247.78,"replicaHours":1094.04,"scalingDecisionLatencyS":34,"elasticity":{"underAccuracy":0.195,"overAccuracy":1.955}},
          {"autoscaler":"hpa","balancer":"least-request","avgResponseMs":243.37,"replicaHours":1095.27,"scalingDecisionLatencyS":34,"elasticity":{"underAccuracy":0.195,"overAccuracy":1.964}},
          {"autoscaler":"predictive","balancer":"least-request","avgResponseMs":205.21,"replicaHours":1134.49,"scalingDecisionLatencyS":19,"elasticity":{"underAccuracy":0.133,"overAccuracy":2.229}},
          {"autoscaler":"oracle","balancer":"least-request","avgResponseMs":201.5,"replicaHours":962.0,"scalingDecisionLatencyS":null,"elasticity":{"underAccuracy":0,"overAccuracy":0.423}}
        ]}
        """;

    private static readonly ResultFile File = ResultFile.Parse("run.json", Json);

    private static FigureCheck CheckTable(params string[] rows)
    {
        string[] lines = ["# doc", "| metric | hpa + round-robin | hpa + least-request | **predictive + least-request** | oracle (ref) |", "|---|---:|---:|---:|---:|", .. rows];
        var check = new FigureCheck();
        ComparisonTable.Check(check, "doc.md", Assert.Single(MarkdownTable.ReadAll(lines)), File);
        return check;
    }

    [Fact]
    public void ComparisonTable_CurrentFigures_NoMismatch()
    {
        var check = CheckTable(
            "| avg response (ms) | 247.8 | 243.4 | **205.2** (−17.2%) | 201.5 |",
            "| replica-hours (cost) | 1094.0 | 1095.3 | **1134.5** (+3.7% / +3.6%; 1.18× oracle) | 962.0 |",
            "| scaling decision latency (s) | 34 | 34 | **19** (−44%) | n/a |",
            "| θU / θO (replicas) | 0.195 / 1.955 | 0.195 / 1.964 | **0.133 / 2.229** | 0.000 / 0.423 |");

        Assert.Empty(check.Mismatches);
        Assert.Equal(5 + 7 + 5 + 8, check.Checked);
    }

    [Fact]
    public void ComparisonTable_StaleValue_NamesDocumentLinePrintedAndFileValue()
    {
        var check = CheckTable("| avg response (ms) | 247.8 | 243.4 | **222.7** (−17.2%) | 201.5 |");

        var mismatch = Assert.Single(check.Mismatches);
        Assert.Equal("doc.md:4: printed 222.7, run.json predictive/least-request avgResponseMs = 205.21", mismatch);
    }

    [Fact]
    public void ComparisonTable_StaleChangeAndRatio_ReportsBoth()
    {
        var check = CheckTable("| replica-hours (cost) | 1094.0 | 1095.3 | **1134.5** (+3.7% / +20.0%; 1.37× oracle) | 962.0 |");

        Assert.Equal(2, check.Mismatches.Count);
        Assert.Contains(check.Mismatches, m => m.StartsWith("doc.md:4: printed +20.0, run.json predictive/least-request vs run.json hpa/least-request", StringComparison.Ordinal));
        Assert.Contains(check.Mismatches, m => m.StartsWith("doc.md:4: printed 1.37, run.json predictive/least-request / run.json oracle/least-request", StringComparison.Ordinal));
    }

    [Fact]
    public void ComparisonTable_UnknownRow_Fails()
    {
        var check = CheckTable("| median response (ms) | 1 | 2 | 3 | 4 |");

        Assert.Contains("names no known metric", Assert.Single(check.Mismatches), StringComparison.Ordinal);
    }

    [Fact]
    public void ProseClaim_StaleFigureOnSecondLine_NamesThatLine()
    {
        var run = File.Run("predictive");
        var check = new FigureCheck();

        new ProseClaim("replica-hours hpa {}, predictive {} (", Figure.Of(File.Run("hpa"), "replicaHours"), Figure.Of(run, "replicaHours"))
            .Check(check, "doc.md", "intro\nreplica-hours hpa 1095.3, **predictive\n1315.6 (+20%)**");

        Assert.Equal("doc.md:3: printed 1315.6, run.json predictive/least-request replicaHours = 1134.49", Assert.Single(check.Mismatches));
    }

    [Fact]
    public void ProseClaim_SentenceMissing_Fails()
    {
        var check = new FigureCheck();

        new ProseClaim("oracle {} h", Figure.Of(File.Run("oracle"), "replicaHours")).Check(check, "doc.md", "the oracle used 962.0 replica-hours");

        Assert.Contains("no sentence matches 'oracle {} h'", Assert.Single(check.Mismatches), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.072", 0.0724, true)]
    [InlineData("0.072", 0.0726, false)]
    [InlineData("−17.2", -17.22, true)]
    [InlineData("+3.6", 3.58, true)]
    [InlineData("-3.6", 3.58, false)]
    [InlineData("6,114", 6114, true)]
    [InlineData("1134.5", 1315.6, false)]
    public void PrintedNumber_Matches_RoundsToPrintedDecimals(string printed, double actual, bool expected)
    {
        Assert.Equal(expected, PrintedNumber.Matches(printed, actual));
    }
}
