using System.Text.RegularExpressions;
using Pipeline.Contracts.Kafka;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.Demo;

/// <summary><c>pipeline demo</c> as a user runs it (output redirected, so plain lines): decisions with explanations, a summary, exit 0.</summary>
public sealed partial class DemoCommandTests
{
    [Fact]
    public void Demo_ShortRun_PrintsExplainedDecisionsDeadLettersAndSummaryThenExitsZero()
    {
        using var demo = PipelineProcess.Start(["demo", "--duration", "15s", "--speed", "10"],
            new Dictionary<string, string> { [BootstrapResolver.EnvironmentVariable] = "", ["INFLUX_URL"] = "" });

        Assert.True(demo.WaitForExit(TimeSpan.FromSeconds(90)), demo.Output);
        Assert.Equal(0, demo.ExitCode);
        var decisions = DecisionLine().Matches(demo.Output);
        Assert.True(decisions.Count >= 4, demo.Output);
        Assert.All(decisions, m => Assert.True(m.Value.Split("] ", 2)[1].Trim().Length > 10, $"no explanation in: {m.Value}"));
        Assert.Contains("== pipeline demo summary ==", demo.Output);
        Assert.Matches(@"dead letters\s+[1-9]", demo.Output); // the injected bad record
        Assert.Matches(@"decision latency\s+p50 \d+\.\d ms, p99 \d+\.\d ms", demo.Output);
    }

    [GeneratedRegex(@"^decision \d\d:\d\d:\d\d web \d+ -> \d+ \[[a-z-]+\] .+$", RegexOptions.Multiline)]
    private static partial Regex DecisionLine();
}
