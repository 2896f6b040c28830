using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.Processes;

/// <summary>Commands that read a trace, given a file that is missing or not a trace: one line naming the command and the file or line, exit code 2, no stack trace.</summary>
public sealed class InputFileErrorTests : IDisposable
{
    private readonly string _notATrace = Path.Combine(Path.GetTempPath(), $"not-a-trace-{Guid.NewGuid():N}.csv");

    public InputFileErrorTests() => File.WriteAllText(_notATrace, "time;count\n2026-01-01;3\n");

    public void Dispose() => File.Delete(_notATrace);

    [Theory]
    [InlineData("forecast-bench")]
    [InlineData("forecast-fleet")]
    [InlineData("evaluate")]
    public void TraceCommand_MissingFile_ExitsTwoNamingTheFile(string command)
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.csv");

        var output = Run(command, missing);

        Assert.Contains($"{command}: Could not find file '{missing}'", output);
    }

    [Theory]
    [InlineData("forecast-bench")]
    [InlineData("forecast-fleet")]
    public void TraceCommand_NotATrace_ExitsTwoNamingTheLine(string command)
    {
        var output = Run(command, _notATrace);

        Assert.Contains($"{command}: {_notATrace}:1: header is 'time;count'; expected 'timestamp,requests'", output);
    }

    private static string Run(string command, string trace)
    {
        using var run = PipelineProcess.Start([command, "--trace", trace]);
        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(60)), run.Output);
        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain("Unhandled exception", run.Output);
        return run.Output;
    }
}
