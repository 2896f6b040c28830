using Pipeline.Deploy.Tests.Checks;
using Pipeline.Deploy.Tests.Manifests;

namespace Pipeline.Deploy.Tests;

/// <summary>Every container of the pipeline image runs a real command with real options, as the `pipeline` CLI parses them.</summary>
public sealed class ContainerArgsTests
{
    public static TheoryData<string> Overlays => [.. Overlay.Applied];

    [Theory]
    [MemberData(nameof(Overlays))]
    public void StageContainers_ArgsParseWithThePipelineCli(string overlay)
    {
        foreach (var container in StageContainer.In(Overlay.Build(overlay)))
        {
            Assert.Empty(PipelineCli.Errors(container.Args));
            Assert.True(container.Container.Command is null, $"{container} overrides the image's ENTRYPOINT (/app/pipeline)");
        }
    }

    [Fact]
    public void Errors_MisspeltOptionOrUnknownCommand_Reported()
    {
        Assert.Contains(PipelineCli.Errors(["predictor", "--keda-prot", "9470"]), e => e.Contains("--keda-prot", StringComparison.Ordinal));
        Assert.NotEmpty(PipelineCli.Errors(["predicter"]));
        Assert.NotEmpty(PipelineCli.Errors(["predictor", "--keda-port", "ninety"]));
    }

    [Fact]
    public void Overlays_RunTheStagesEachWay()
    {
        Assert.Equal(["broker", "features", "ingest", "predictor", "sink"], Commands("keda"));
        Assert.Equal(["actuator", "broker", "features", "ingest", "predictor", "sink"], Commands("kubernetes-target"));
        Assert.Equal("kubernetes", StageContainer.Single(Overlay.Build("kubernetes-target"), "actuator").Value<string>("--target"));
        Assert.False(StageContainer.Single(Overlay.Build("kubernetes-target"), "actuator").Value<bool>("--server-dry-run"));
        Assert.True(StageContainer.Single(Overlay.Build("forecast-only"), "actuator").Value<bool>("--server-dry-run"));
    }

    [Fact]
    public void Ingest_ReadsPrometheusInQueryModeWithEveryFieldScopedToTheService()
    {
        var ingest = StageContainer.Single(Overlay.Build("keda"), "ingest");

        Assert.Equal(("prometheus", "query"), (ingest.Value<string>("--source"), ingest.Value<string>("--prometheus-mode")));
        foreach (var field in new[] { "requests", "errors", "latency-buckets", "latency-sum", "in-flight", "ready" })
            Assert.Contains("namespace=\"shop\"", ingest.Value<string>($"--query-{field}"), StringComparison.Ordinal);
    }

    private static string[] Commands(string overlay) => [.. StageContainer.In(Overlay.Build(overlay)).Select(c => c.Command).Order()];
}
