using k8s.Models;
using Pipeline.Cli.Commands;
using Pipeline.Deploy.Tests.Checks;
using Pipeline.Deploy.Tests.Manifests;

namespace Pipeline.Deploy.Tests;

/// <summary>Ports, probes and Services line up with what each stage process really serves (MetricsCommandOptions, --keda-port).</summary>
public sealed class StagePortsTests
{
    public static TheoryData<string> Overlays => [.. Overlay.Applied];

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Stages_MetricsPortIsTheStagesAndProbesAskHealthz(string overlay)
    {
        foreach (var stage in StageContainer.In(Overlay.Build(overlay)).Where(s => MetricsCommandOptions.DefaultPorts.ContainsKey(s.Command)))
        {
            var serves = stage.Args.Any(a => a.StartsWith("--metrics-port", StringComparison.Ordinal)) ? stage.Value<int>("--metrics-port") : MetricsCommandOptions.DefaultPorts[stage.Command];
            var port = Assert.Single(stage.Container.Ports, p => p.Name == "metrics");
            Assert.Equal(serves, port.ContainerPort);
            foreach (var probe in new[] { stage.Container.ReadinessProbe, stage.Container.LivenessProbe })
                Assert.Equal(("/healthz", "metrics"), (probe?.HttpGet?.Path, probe?.HttpGet?.Port.Value));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Stages_EndpointListensOnEveryInterface(string overlay)
    {
        var objects = Overlay.Build(overlay);
        var configMaps = objects.Select(m => m.Object).OfType<V1ConfigMap>().ToDictionary(c => c.Metadata.Name);
        foreach (var stage in StageContainer.In(objects).Where(s => MetricsCommandOptions.DefaultPorts.ContainsKey(s.Command)))
        {
            var fromEnv = (stage.Container.EnvFrom ?? []).Select(e => (configMaps[e.ConfigMapRef.Name].Data.TryGetValue(MetricsCommandOptions.BindVariable, out var v) ? v : null)).FirstOrDefault(v => v is not null);
            var bind = stage.Args.Any(a => a.StartsWith("--metrics-bind", StringComparison.Ordinal)) ? stage.Value<string>("--metrics-bind") : fromEnv;
            Assert.True(bind == "0.0.0.0", $"{stage}: /healthz would listen on {bind ?? "127.0.0.1"}, unreachable for the kubelet's probes");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Services_EveryPortTargetsAContainerPortOfASelectedPod(string overlay)
    {
        var objects = Overlay.Build(overlay);
        foreach (var service in Services.In(objects))
        {
            var pod = Assert.Single(Services.Selected(service, objects));
            Assert.All(service.Spec.Ports, p => Assert.NotNull(Services.Target(p, pod)));
        }
    }

    [Fact]
    public void Predictor_ServesKedaOnAllInterfacesAtItsContainerPort()
    {
        var predictor = StageContainer.Single(Overlay.Build("keda"), "predictor");

        Assert.Equal("0.0.0.0", predictor.Value<string>("--keda-bind"));
        Assert.Equal(predictor.Value<int>("--keda-port"), Assert.Single(predictor.Container.Ports, p => p.Name == "keda").ContainerPort);
    }

    [Fact]
    public void Stages_RunTheImageDockerComposeBuilds()
    {
        Assert.Equal("pipeline:local", StageContainer.Image);
        Assert.Equal(6, StageContainer.In(Overlay.Build("kubernetes-target")).Count());
    }
}
