using System.Net;
using System.Text.RegularExpressions;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Fleet.Tests.Replica;

/// <summary>The real <c>pipeline replica</c> process: the launcher contract (the stdout line) and SIGTERM.</summary>
public sealed partial class ReplicaProcessTests
{
    [Fact]
    public async Task Replica_Started_PrintsListeningLineAndDrainsOnSigterm()
    {
        using var process = PipelineProcess.Start(["replica", "--id", "p1", "--workers", "1", "--service-mean-ms", "800", "--service-cv", "0"]);
        Assert.True(process.WaitForOutput("listening ", TimeSpan.FromSeconds(30)), process.Output);
        var line = Assert.Single(process.Output.Split('\n'), l => l.StartsWith("listening ", StringComparison.Ordinal));
        var match = ListeningLine().Match(line.TrimEnd('\r'));
        Assert.True(match.Success, line);
        using var client = new HttpClient { BaseAddress = new Uri(match.Groups[1].Value) };

        var inService = client.GetAsync("/work");
        var queued = client.GetAsync("/work");
        while (!(await client.GetStringAsync("/stats")).Contains("\"queued\":1", StringComparison.Ordinal)) await Task.Delay(10);
        process.Terminate();

        Assert.Equal(HttpStatusCode.OK, (await inService).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await queued).StatusCode);
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(20)), process.Output);
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task Replica_DieFault_ExitsAt137WithoutDraining()
    {
        using var process = PipelineProcess.Start(["replica", "--workers", "1", "--service-mean-ms", "5000", "--service-cv", "0"]);
        Assert.True(process.WaitForOutput("listening ", TimeSpan.FromSeconds(30)), process.Output);
        var match = ListeningLine().Match(process.Output.Split('\n').First(l => l.StartsWith("listening ", StringComparison.Ordinal)).TrimEnd('\r'));
        using var client = new HttpClient { BaseAddress = new Uri(match.Groups[1].Value) };
        var inService = client.GetAsync("/work");
        while (!(await client.GetStringAsync("/stats")).Contains("\"inFlight\":1", StringComparison.Ordinal)) await Task.Delay(10);

        try
        {
            (await client.PostAsync("/fault?kind=die", null)).Dispose();
        }
        catch (HttpRequestException)
        {
            // The process may be gone before the answer is read: that is the fault.
        }

        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(3)), process.Output);
        Assert.Equal(137, process.ExitCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => inService);
    }

    [GeneratedRegex(@"^listening (http://127\.0\.0\.1:\d+)$")]
    private static partial Regex ListeningLine();
}
