using System.Text.Json;
using Pipeline.Fleet.Tests.Support;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Fleet.Tests.Load;

/// <summary><c>pipeline loadgen</c> as its own OS process against a real Kestrel app.</summary>
public sealed class LoadgenCommandTests
{
    [Fact]
    public async Task Loadgen_ConstantRateWithJson_WritesResultAndSeries()
    {
        await using var service = await TestService.Delayed(TimeSpan.FromMilliseconds(3));
        var json = Path.Combine(Path.GetTempPath(), $"loadgen-{Guid.NewGuid():N}.json");
        try
        {
            using var run = PipelineProcess.Start(["loadgen", "--url", service.Work.ToString(), "--rate", "40", "--duration", "2s", "--json", json]);

            Assert.True(run.WaitForExit(TimeSpan.FromSeconds(60)), run.Output);
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("latency from scheduled send", run.Output);
            using var document = JsonDocument.Parse(File.ReadAllText(json));
            var root = document.RootElement;
            Assert.True(root.GetProperty("sent").GetInt64() > 40, run.Output);
            Assert.Equal(root.GetProperty("sent").GetInt64(), root.GetProperty("ok").GetInt64());
            Assert.Equal(2, root.GetProperty("series").GetArrayLength());
            Assert.True(root.GetProperty("scheduleLag").GetProperty("p99").GetDouble() >= 0);
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Fact]
    public void Loadgen_UnreachableUrl_ExitsWith2AndSaysSo()
    {
        var url = $"http://127.0.0.1:{FreeTcpPort.Next()}/work";

        using var run = PipelineProcess.Start(["loadgen", "--url", url, "--rate", "10", "--duration", "5s"]);

        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(30)), run.Output);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{url} is unreachable (connection refused", run.Output);
    }
}
