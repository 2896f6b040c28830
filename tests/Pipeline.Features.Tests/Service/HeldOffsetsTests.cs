using Pipeline.Features.Service;

namespace Pipeline.Features.Tests.Service;

public sealed class HeldOffsetsTests
{
    [Fact]
    public void The_lowest_is_the_oldest_offset_not_released()
    {
        var held = new HeldOffsets();
        Assert.Null(held.Lowest());
        foreach (var o in new long[] { 10, 11, 12, 13 }) held.Hold(o);
        held.Release(11);
        Assert.Equal(10, held.Lowest());
        held.Release(10);
        Assert.Equal(12, held.Lowest());
        held.Release(13);
        held.Release(12);
        Assert.Null(held.Lowest());
        held.Hold(14);
        Assert.Equal(14, held.Lowest());
    }

    [Fact]
    public void An_out_of_order_or_repeated_offset_takes_its_place_once()
    {
        var held = new HeldOffsets();
        held.Hold(20);
        held.Hold(30);
        held.Hold(25);
        held.Hold(20);
        held.Release(20);
        Assert.Equal(25, held.Lowest());
        held.Release(25);
        Assert.Equal(30, held.Lowest());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Agrees_with_a_sorted_set_over_random_holds_and_releases(int seed)
    {
        var random = new Random(seed);
        var held = new HeldOffsets();
        var model = new SortedSet<long>();
        long next = 0;
        for (var step = 0; step < 20_000; step++)
        {
            if (model.Count == 0 || random.NextDouble() < 0.55)
            {
                next += 1 + random.Next(3);
                held.Hold(next);
                model.Add(next);
            }
            else
            {
                var victim = model.ElementAt(random.Next(Math.Min(model.Count, 50)) * (model.Count > 50 ? model.Count / 50 : 1) % model.Count);
                held.Release(victim);
                model.Remove(victim);
            }
            if (step % 7 == 0) Assert.Equal(model.Count > 0 ? model.Min : null, held.Lowest());
        }
    }
}
