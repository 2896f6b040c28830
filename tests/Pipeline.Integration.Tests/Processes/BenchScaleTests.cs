using System.Text.RegularExpressions;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.Processes;

/// <summary><c>pipeline bench-scale</c> on a few services: broker, features and predictor start as processes and the report has figures.</summary>
public sealed partial class BenchScaleTests
{
    [Fact]
    public void BenchScale_FewServices_ReportsWindowsDecisionsLatencyAndMemory()
    {
        using var bench = PipelineProcess.Start(["bench-scale", "--services", "20", "--seconds", "8", "--rate", "200", "--interval", "5s"]);
        Assert.True(bench.WaitForExit(TimeSpan.FromMinutes(3)), bench.Output);
        Assert.True(bench.ExitCode == 0, bench.Output);

        Assert.True(Count(bench.Output, "windows") > 0, bench.Output);
        Assert.True(Count(bench.Output, "decisions") > 0, bench.Output);
        Assert.Matches(LatencyLine(), bench.Output);
        foreach (var stage in new[] { "broker", "features", "predictor" })
            Assert.Matches(new Regex($@"^rss {stage}\s+[1-9][0-9.]* MiB", RegexOptions.Multiline), bench.Output);
    }

    private static long Count(string output, string what) =>
        Regex.Match(output, $@"^{what}\s+(\d+)", RegexOptions.Multiline) is { Success: true } m ? long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^decision latency\s+p50 \d+ ms, p99 \d+ ms", RegexOptions.Multiline)]
    private static partial Regex LatencyLine();
}
