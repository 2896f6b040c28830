using Pipeline.Contracts.Messages;

namespace Pipeline.Contracts.Tests.Messages;

public class LatencyBucketsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(-1)] // the histogram's own length
    public void AddInto_AddsEachCountAndReturnsTheirTotal_WhateverTheLength(int length)
    {
        if (length < 0) length = LatencyBuckets.Count;
        var random = new Random(length + 1);
        var counts = Enumerable.Range(0, length).Select(_ => (long)random.Next(0, 1_000_000)).ToArray();
        var into = Enumerable.Range(0, LatencyBuckets.Count).Select(_ => (long)random.Next(0, 1_000_000)).ToArray();
        var expected = into.ToArray();
        for (var i = 0; i < length; i++) expected[i] += counts[i];

        var total = LatencyBuckets.AddInto(into, counts);

        Assert.Equal(counts.Sum(), total);
        Assert.Equal(expected, into);
    }

    [Fact]
    public void AddInto_TargetShorterThanTheCounts_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyBuckets.AddInto(new long[3], new long[4]));
    }
}
