using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Autoscaling;

namespace Pipeline.Predictor.Tests.Autoscaling;

public sealed class AutoscalingPolicyRegistryTests
{
    private sealed class Fixed(string name) : IAutoscalingPolicy
    {
        public string Name => name;
        public ScaleDecision Decide(AutoscalingContext context) => throw new InvalidOperationException("not used");
    }

    [Fact]
    public void CreateDefault_Hpa_CreatesFreshInstances()
    {
        var registry = AutoscalingPolicyRegistry.CreateDefault();

        var a = registry.Create(AutoscalingPolicyNames.Hpa);
        var b = registry.Create(AutoscalingPolicyNames.Hpa);

        Assert.Equal("hpa", a.Name);
        Assert.NotSame(a, b);
    }

    [Fact]
    public void Create_UnknownName_ThrowsListingKnownNames()
    {
        var registry = AutoscalingPolicyRegistry.CreateDefault().Add("static-peak", () => new Fixed("static-peak"));

        var error = Assert.Throws<ArgumentException>(() => registry.Create("magic"));

        Assert.Contains("unknown autoscaling policy 'magic'; known: hpa, static-peak", error.Message);
    }

    [Fact]
    public void Add_DuplicateName_Throws()
    {
        var registry = AutoscalingPolicyRegistry.CreateDefault();

        Assert.Throws<ArgumentException>(() => registry.Add(AutoscalingPolicyNames.Hpa, () => new Fixed("hpa")));
    }
}
