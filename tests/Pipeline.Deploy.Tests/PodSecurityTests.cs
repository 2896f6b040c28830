using k8s.Models;
using Pipeline.Deploy.Tests.Checks;
using Pipeline.Deploy.Tests.Manifests;

namespace Pipeline.Deploy.Tests;

/// <summary>Every pod meets the restricted Pod Security Standard's rules the namespace enforces, with requests set and a read-only root where the image allows it.</summary>
public sealed class PodSecurityTests
{
    public static TheoryData<string> Overlays => [.. Overlay.Applied];

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Pods_NonRootNoEscalationNoCapabilitiesAndRequests(string overlay)
    {
        foreach (var pod in PodTemplate.In(Overlay.Build(overlay)))
        {
            var podSecurity = pod.Spec.SecurityContext;
            Assert.True(podSecurity?.RunAsNonRoot == true && podSecurity.RunAsUser > 0, $"{pod} may run as root");
            Assert.Equal("RuntimeDefault", podSecurity?.SeccompProfile?.Type);
            foreach (var c in pod.Spec.Containers)
            {
                Assert.True(c.SecurityContext?.AllowPrivilegeEscalation == false, $"{pod} {c.Name} allows privilege escalation");
                Assert.Equal(["ALL"], c.SecurityContext?.Capabilities?.Drop ?? []);
                Assert.True(c.Resources?.Requests?.ContainsKey("cpu") == true && c.Resources.Requests.ContainsKey("memory"), $"{pod} {c.Name} has no cpu/memory requests");
                Assert.True(c.Resources.Limits?.ContainsKey("memory") == true, $"{pod} {c.Name} has no memory limit");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void StageContainers_ReadOnlyRootWithEveryWrittenPathMounted(string overlay)
    {
        var objects = Overlay.Build(overlay);
        var configMaps = objects.Select(m => m.Object).OfType<V1ConfigMap>().ToDictionary(c => c.Metadata.Name);
        foreach (var stage in StageContainer.In(objects))
        {
            var home = (stage.Container.EnvFrom ?? []).Select(e => configMaps[e.ConfigMapRef.Name].Data.TryGetValue("HOME", out var h) ? h : null).FirstOrDefault(h => h is not null);
            Assert.True(stage.Container.SecurityContext.ReadOnlyRootFilesystem == true, $"{stage}: root filesystem writable");
            var mounts = (stage.Container.VolumeMounts ?? []).Select(m => m.MountPath.TrimEnd('/') + "/").ToList();
            Assert.Contains("/tmp/", mounts); // PIPELINE_BOOTSTRAP_FILE=/tmp/pipeline-bootstrap in the Dockerfile
            Assert.True(home is not null && mounts.Any(m => (home.TrimEnd('/') + "/").StartsWith(m, StringComparison.Ordinal)), $"{stage}: HOME {home ?? "(the image's /home/app)"} is not on a mounted volume");
            if (stage.Command is "predictor")
                Assert.Contains(mounts, m => stage.Value<string>("--state-dir")!.StartsWith(m, StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Pods_OnlyTheKubernetesActuatorGetsAnApiToken(string overlay)
    {
        foreach (var pod in PodTemplate.In(Overlay.Build(overlay)))
        {
            var actuator = pod.Spec.Containers.Any(c => c.Args is ["actuator", ..]);
            Assert.Equal(actuator, pod.Spec.AutomountServiceAccountToken != false);
            Assert.Equal(actuator ? "pipeline-actuator" : null, pod.Spec.ServiceAccountName);
        }
    }
}
