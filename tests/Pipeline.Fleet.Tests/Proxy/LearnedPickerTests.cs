using Pipeline.Fleet.Proxy.Learned;
using Pipeline.Simulator.Balancing;

namespace Pipeline.Fleet.Tests.Proxy;

/// <summary>The per-request rules of the learned policy, on an explicit clock (seconds).</summary>
public sealed class LearnedPickerTests
{
    private static LearnedPicker Picker(LearnedBalancerOptions? options = null) => new(options ?? new LearnedBalancerOptions(), TimeProvider.System);

    private static LearnedCandidate C(string id, double weight = 1, int inFlight = 0, int workers = 0) => new(id, weight, inFlight, workers);

    [Theory]
    [InlineData(3.0, 1.0, 0, 0, 0)] // same load: the heavier weight wins
    [InlineData(3.0, 1.0, 3, 0, 1)] // 3/(3+1) < 1/(0+1): the idle one wins
    [InlineData(3.0, 1.0, 1, 0, 0)] // 3/2 > 1
    [InlineData(0.0, 1.0, 0, 5, 1)] // weight 0: no new traffic
    public void Pick_WeightsAndActiveRequests_WeightedLeastRequest(double w0, double w1, int a0, int a1, int expected)
    {
        var picker = Picker();

        Assert.Equal(expected, picker.Pick([C("a", w0, a0), C("b", w1, a1)], now: 0));
    }

    [Fact]
    public void Pick_FiveConsecutiveErrors_EjectsThenSendsNothingThereUntilTheEjectionEnds()
    {
        var picker = Picker();
        LearnedCandidate[] fleet = [C("bad"), C("ok1", inFlight: 1), C("ok2", inFlight: 1)];
        picker.Pick(fleet, 0);
        for (var i = 0; i < 5; i++) picker.Observe("bad", 0.001, failed: true, now: 1);

        var picks = Enumerable.Range(0, 50).Select(i => fleet[picker.Pick(fleet, 2 + i * 0.1)].Id).ToList();

        Assert.True(picker.IsEjected("bad", 2));
        Assert.DoesNotContain("bad", picks);
        Assert.False(picker.IsEjected("bad", 2 + 30)); // base ejection time 30 s
    }

    [Fact]
    public void Pick_AllWeightsZero_FailsOpenToLeastRequests()
    {
        var picker = Picker();

        Assert.Equal(1, picker.Pick([C("a", 0, inFlight: 4), C("b", 0, inFlight: 2), C("c", 0, inFlight: 3)], 0));
    }

    [Fact]
    public void Pick_AllWorkersBusyOnTheHeavierHost_PrefersAHostWithAFreeWorker()
    {
        var picker = Picker();

        Assert.Equal(1, picker.Pick([C("a", 10, inFlight: 4, workers: 4), C("b", 1, inFlight: 3, workers: 4)], 0));
    }

    [Fact]
    public void Pick_HostJoiningLater_SlowStartHoldsItBack()
    {
        var picker = Picker(new LearnedBalancerOptions { LatencyAware = false });
        picker.Pick([C("old")], 0);

        // Just joined: its factor is the 10% floor, so an old host with 5 in flight (1/6 > 0.1) still wins.
        Assert.Equal(0, picker.Pick([C("old", inFlight: 5), C("new")], 10));
        // After the 120 s window it competes on equal terms.
        Assert.Equal(1, picker.Pick([C("old", inFlight: 5), C("new")], 200));
    }

    [Fact]
    public void Pick_SlowHost_PeakEwmaLatencyShiftsTrafficAway()
    {
        var picker = Picker();
        LearnedCandidate[] fleet = [C("slow"), C("fast")];
        picker.Pick(fleet, 0);
        picker.Observe("slow", 0.400, failed: false, now: 0.5);
        picker.Observe("fast", 0.010, failed: false, now: 0.5);

        Assert.Equal(1, picker.Pick([C("slow"), C("fast", inFlight: 2)], 1));
    }
}
