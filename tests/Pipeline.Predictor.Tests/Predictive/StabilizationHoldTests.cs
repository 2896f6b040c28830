using Pipeline.Predictor.Autoscaling;
using Pipeline.Predictor.Autoscaling.Predictive;

namespace Pipeline.Predictor.Tests.Predictive;

/// <summary>
/// A scale-down holds 300 s only for a service whose load outgrew its ready replicas within the last day; otherwise the
/// start-up delay plus one window (60 s + 15 s here).
/// </summary>
public class StabilizationHoldTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(15);

    private static PolicyDriver Driver(bool shortHold) => new(PredictiveRegistration.Create(new PredictiveOptions
    {
        TargetUtilization = 0.6,
        StartupDelay = TimeSpan.FromSeconds(60),
        ScaleDownStabilization = TimeSpan.FromSeconds(300),
        ShortHoldWithoutSaturation = shortHold,
        CapacityPerReplica = PolicyDriver.Capacity,
    }), Window, replicas: 4);

    /// <summary>One window at <paramref name="first"/> req/s on 4 replicas, then eight at a rate one replica serves; the decisions after the first.</summary>
    private static (int First, List<int> After) Drop(bool shortHold, double first)
    {
        var driver = Driver(shortHold);
        var high = driver.Step(first).DesiredReplicas;
        var after = Enumerable.Range(0, 8).Select(_ => driver.Step(0.5 * PolicyDriver.Capacity).DesiredReplicas).ToList();
        return (high, after);
    }

    [Fact]
    public void ScaleDown_NoSaturationInTheLastDay_HoldsTheStartUpDelayPlusAWindow()
    {
        // 144 req/s on 4 replicas of 40: utilization 0.9, served; the HPA calculation at 0.6 asks for 6.
        var (high, after) = Drop(shortHold: true, first: 4 * PolicyDriver.Capacity * 0.9);

        Assert.Equal(6, high);
        Assert.All(after.Take(5), n => Assert.Equal(6, n)); // recommendations of the last 75 s
        Assert.True(after[^1] < 6, string.Join(",", after));
    }

    [Fact]
    public void ScaleDown_ShortHoldOff_HoldsThreeHundredSeconds()
    {
        var (high, after) = Drop(shortHold: false, first: 4 * PolicyDriver.Capacity * 0.9);

        Assert.All(after, n => Assert.Equal(high, n));
    }

    [Fact]
    public void ScaleDown_AfterASaturatedWindow_HoldsThreeHundredSeconds()
    {
        // 200 req/s on 4 replicas that serve 160: the load outgrew them.
        var driver = Driver(shortHold: true);
        var high = driver.Step(200).DesiredReplicas;
        var after = Enumerable.Range(0, 8).Select(_ => driver.Step(0.5 * PolicyDriver.Capacity)).ToList();

        Assert.All(after, d => Assert.Equal(high, d.DesiredReplicas));
        Assert.Contains("in the last 300s", after[^1].Explanation);
    }
}
