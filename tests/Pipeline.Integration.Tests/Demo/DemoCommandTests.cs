using System.Text.RegularExpressions;
using Pipeline.Runtime.Kafka;
using Pipeline.TestSupport.Kafka;
using Pipeline.TestSupport.Traces;

namespace Pipeline.Integration.Tests.Demo;

/// <summary><c>pipeline demo</c> as a user runs it (output redirected, so plain lines): decisions with explanations, a summary, exit 0.</summary>
public sealed partial class DemoCommandTests
{
    private static readonly Dictionary<string, string> NoExternal = new() { [BootstrapResolver.EnvironmentVariable] = "", ["INFLUX_URL"] = "" };

    [Fact]
    public void Demo_NoOptions_PredictiveFromTheFirstDecisionWithShadowHpaAndComparisonThenExitsZero()
    {
        using var demo = PipelineProcess.Start(["demo", "--duration", "15s"], NoExternal);

        Assert.True(demo.WaitForExit(TimeSpan.FromSeconds(120)), demo.Output);
        Assert.Equal(0, demo.ExitCode);
        Assert.Contains("policy predictive, routing learned, shadow hpa", demo.Output);
        Assert.Matches(@"pre-roll: 3 h of the load simulated in \d+\.\d s", demo.Output);
        var decisions = DecisionLine().Matches(demo.Output);
        Assert.True(decisions.Count >= 10, demo.Output);
        // Warm-started: the very first live decision already comes from the model, not the reactive fallback.
        Assert.Contains("gbm-global forecast", decisions[0].Value);
        Assert.DoesNotContain("[fallback]", demo.Output);
        Assert.All(decisions, m => Assert.Matches(@"; hpa would ask \d+ \([a-z-]+\)$", m.Value));
        Assert.Contains("== predictive vs hpa: same load, seed and live span", demo.Output);
        Assert.Matches(@"requests slow \(> SLO\) or failed\s+\d+\s+\d+", demo.Output);
        Assert.Matches(@"replica-minutes\s+\d+\.\d\s+\d+\.\d", demo.Output);
        Assert.Matches(@"dead letters\s+[1-9]", demo.Output); // the injected bad record
    }

    [Fact]
    public void Demo_PolicyHpa_RunsTheBaselineWithoutShadowOrTwin()
    {
        using var demo = PipelineProcess.Start(["demo", "--duration", "8s", "--policy", "hpa", "--preroll", "0s"], NoExternal);

        Assert.True(demo.WaitForExit(TimeSpan.FromSeconds(90)), demo.Output);
        Assert.Equal(0, demo.ExitCode);
        Assert.Contains("policy hpa, routing learned, target utilization 0.6", demo.Output);
        Assert.DoesNotContain("would ask", demo.Output);
        Assert.DoesNotContain("== hpa vs", demo.Output);
        Assert.Contains("== pipeline demo summary ==", demo.Output);
    }

    /// <summary>
    /// The crash of issue 10: with a trace and learned routing a stage stopped with "outputs not delivered within 30 s"
    /// in 1 of 3 to 2 of 4 runs. Each variant runs three times here.
    /// </summary>
    [Theory]
    [InlineData("predictive", "learned")]
    [InlineData("predictive", "equal")]
    [InlineData("hpa", "learned")]
    [InlineData("hpa", "equal")]
    public void Demo_TraceVariant_ExitsZeroInThreeOfThreeRuns(string policy, string routing)
    {
        for (var run = 1; run <= 3; run++)
        {
            using var demo = PipelineProcess.Start(["demo", "--trace", SharedTraces.Path("nasa_jul95"), "--duration", "10s",
                "--preroll", "1h", "--policy", policy, "--routing", routing], NoExternal);

            Assert.True(demo.WaitForExit(TimeSpan.FromSeconds(90)), $"run {run}: {demo.Output}");
            Assert.True(demo.ExitCode == 0, $"run {run} exited {demo.ExitCode}: {demo.Output}");
            Assert.DoesNotContain("not delivered", demo.Output);
            Assert.True(DecisionLine().Matches(demo.Output).Count >= 5, $"run {run}: {demo.Output}");
        }
    }

    [GeneratedRegex(@"^decision \d\d:\d\d:\d\d web \d+ -> \d+ \[[a-z-]+\] .+$", RegexOptions.Multiline)]
    private static partial Regex DecisionLine();
}
