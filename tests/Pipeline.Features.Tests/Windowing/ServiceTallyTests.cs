using Pipeline.Features.Windowing;
using static Pipeline.Features.Tests.Windowing.Samples;

namespace Pipeline.Features.Tests.Windowing;

/// <summary>The service cap shared by the aggregators of several partitions (the features stage keeps one per partition).</summary>
public sealed class ServiceTallyTests
{
    [Fact]
    public void Add_TwoAggregatorsSharingATally_CapBoundsThemTogether_DropFreesThePlaces()
    {
        var options = new WindowingOptions { MaxServices = 2 };
        var tally = new ServiceTally();
        var first = new WindowAggregator(options, tally);
        var second = new WindowAggregator(options, tally);
        first.Add(Sample(1, service: "a"), At(1));
        second.Add(Sample(1, service: "b"), At(1));

        var third = second.Add(Sample(1, service: "c"), At(1));
        first.Drop();
        var afterDrop = second.Add(Sample(2, service: "c"), At(2));

        Assert.Equal(SampleDisposition.OverLimit, third.Disposition);
        Assert.StartsWith("limit: 2 services", third.Reason);
        Assert.Equal(SampleDisposition.Accepted, afterDrop.Disposition);
        Assert.Equal(2, tally.Count);
    }
}
