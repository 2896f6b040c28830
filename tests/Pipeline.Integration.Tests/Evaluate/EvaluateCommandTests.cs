using System.Text.Json;
using Pipeline.TestSupport.Kafka;
using Pipeline.TestSupport.Traces;

namespace Pipeline.Integration.Tests.Evaluate;

/// <summary><c>pipeline evaluate</c> as a user runs it on a real trace: the runs it was asked for, and option errors that name the option.</summary>
public sealed class EvaluateCommandTests
{
    [Fact]
    public void Evaluate_PredictiveOperatingPoint_WritesEveryRequestedRunAndTheBaseline()
    {
        var json = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"evaluate-{Guid.NewGuid():N}.json");
        try
        {
            using var run = PipelineProcess.Start(["evaluate", "--trace", SharedTraces.Path("nasa_jul95"), "--duration", "3h",
                "--autoscaler", "hpa,predictive", "--predictive-upper", "target", "--predictive-expected", "0.9", "--json", json]);

            Assert.True(run.WaitForExit(TimeSpan.FromSeconds(120)), run.Output);
            Assert.Equal(0, run.ExitCode);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var runs = doc.RootElement.GetProperty("runs").EnumerateArray()
                .Select(r => $"{r.GetProperty("autoscaler").GetString()}+{r.GetProperty("balancer").GetString()}").ToList();
            Assert.Equal(["hpa+least-request", "hpa+round-robin", "predictive+least-request"], runs.Order(StringComparer.Ordinal));
        }
        finally
        {
            File.Delete(json);
        }
    }

    [Theory]
    [InlineData("--predictive-upper", "1.5", "--predictive-upper: '1.5' is neither a utilization in (0, 1] nor 'target'")]
    [InlineData("--predictive-expected", "half", "--predictive-expected: 'half' is neither a utilization in (0, 1] nor 'target'")]
    [InlineData("--target-utilization", "0", "--target-utilization: 0 is out of range")]
    [InlineData("--predictive-sizing", "queue", "--predictive-sizing: 'queue' is not a sizing; use 'sla' or 'utilization'")]
    public void Evaluate_OptionOutOfRange_ExitsTwoNamingTheOptionAndValue(string option, string value, string message)
    {
        using var run = PipelineProcess.Start(["evaluate", "--trace", SharedTraces.Path("nasa_jul95"), "--duration", "1h", option, value]);

        Assert.True(run.WaitForExit(TimeSpan.FromSeconds(60)), run.Output);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Output);
    }
}
