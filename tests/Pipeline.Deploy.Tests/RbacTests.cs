using k8s.Models;
using Pipeline.Deploy.Tests.Checks;
using Pipeline.Deploy.Tests.Manifests;

namespace Pipeline.Deploy.Tests;

/// <summary>The actuator's service account may do exactly what the kubernetes target calls, on exactly the workloads it is given.</summary>
public sealed class RbacTests
{
    [Theory]
    [InlineData("kubernetes-target")]
    [InlineData("forecast-only")]
    public void ActuatorAccount_GrantedExactlyTheScaleCallsOnItsWorkloads(string overlay)
    {
        Assert.Empty(ActuatorRbac.Problems(Overlay.Build(overlay)));
    }

    [Fact]
    public void Problems_WiderVerbsResourcesOrNames_Reported()
    {
        var objects = Overlay.Build("kubernetes-target");
        var role = objects.Select(m => m.Object).OfType<V1Role>().Single();
        role.Rules.Add(new V1PolicyRule { ApiGroups = ["apps"], Resources = ["deployments"], Verbs = ["get", "update"], ResourceNames = ["checkout"] });
        role.Rules.Add(new V1PolicyRule { ApiGroups = ["apps"], Resources = ["deployments/scale"], Verbs = ["patch"] });

        var problems = ActuatorRbac.Problems(objects);

        Assert.Contains("shop: get,update on deployments", problems);
        Assert.Contains("shop: rule not limited to checkout", problems);
    }

    [Fact]
    public void Problems_MissingPatchGrant_Reported()
    {
        var objects = Overlay.Build("kubernetes-target");
        objects.Select(m => m.Object).OfType<V1Role>().Single().Rules[0].Verbs = ["get"];

        Assert.Equal(["shop: patch on deployments/scale checkout not granted"], ActuatorRbac.Problems(objects));
    }
}
