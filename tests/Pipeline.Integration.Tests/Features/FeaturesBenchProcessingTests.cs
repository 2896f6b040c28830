using Pipeline.Cli.Commands;

namespace Pipeline.Integration.Tests.Features;

/// <summary><c>pipeline features-bench --processing-only</c>: the stage's own work on the benchmark's records, no broker.</summary>
public class FeaturesBenchProcessingTests
{
    /// <summary>
    /// 300 samples of 10 services, one replica each every 5 s: 30 samples (150 s) a service, so each closes the windows
    /// its watermark passes (9 of its 10 windows of 15 s: the last ends at 150 s, past the watermark of 150 s - 5 s of
    /// grace), every sample accepted, every round alike.
    /// </summary>
    [Fact]
    public void Run_SmallFleet_ClosesTheWindowsOfEveryRoundWithoutDeadLetters()
    {
        var output = new StringWriter();

        FeaturesBenchProcessing.Run(300, 10, 1, 5, rounds: 2, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.Matches(@"^processing only, round \d: [\d.]+ us/sample \(\d+ samples/s\), \d+ B allocated/sample, 90 windows \(\d+ B each\), 0 dead letters", line));
    }
}
