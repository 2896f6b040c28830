using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.Processes;

/// <summary><c>pipeline predictor --sizing</c>: the SLA sizing reaches the live policy, and a bad value stops the stage before it starts, naming the option.</summary>
public sealed class PredictorSizingTests
{
    [Fact]
    public void Predictor_SizingSla_SaysItSizesAtTheQueueingLimitOfTheSlaGiven()
    {
        using var broker = KafkaTestBroker.Start();
        var state = Path.Combine(Path.GetTempPath(), $"sizing-{Guid.NewGuid():N}");
        using var predictor = PipelineProcess.Start(["predictor", "--bootstrap", broker.BootstrapServers, "--policy", "predictive", "--state-dir", state,
            "--metrics-port", "0", "--sizing", "sla", "--slo", "500ms", "--sla", "0.99", "--workers-per-replica", "8"]);

        Assert.True(predictor.WaitForOutput("sized at the SLA's queueing limit (99.0 % within 500 ms, 8 workers per replica)", TimeSpan.FromSeconds(60)), predictor.Output);
    }

    [Theory]
    [InlineData("--sizing", "queue", "--sizing: 'queue' is not a sizing; use 'utilization' or 'sla'")]
    [InlineData("--sla", "1.5", "Predictive.Sla.Target: must be in (0, 1), was 1.5")]
    [InlineData("--workers-per-replica", "0", "Predictive.Sla.WorkersPerReplica: must be >= 1, was 0")]
    public void Predictor_BadSlaSizing_ExitsTwoNamingIt(string option, string value, string message)
    {
        string[] sla = option == "--sizing" ? [] : ["--sizing", "sla"];
        using var predictor = PipelineProcess.Start(["predictor", "--bootstrap", "127.0.0.1:1", "--policy", "predictive", .. sla, option, value]);

        Assert.True(predictor.WaitForExit(TimeSpan.FromSeconds(60)), predictor.Output);
        Assert.Equal(2, predictor.ExitCode);
        Assert.Contains(message, predictor.Output);
    }
}
