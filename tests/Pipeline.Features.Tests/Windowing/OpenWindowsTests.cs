using Pipeline.Features.Windowing;

namespace Pipeline.Features.Tests.Windowing;

public sealed class OpenWindowsTests
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static WindowAccumulator Window(long index) => new(Epoch.AddSeconds(index), Epoch.AddSeconds(index + 1));

    [Fact]
    public void Windows_opened_out_of_order_come_out_oldest_first()
    {
        var open = new OpenWindows();
        foreach (var i in new long[] { 7, 3, 9, 5, -2 }) open.Add(i, Window(i));
        Assert.Equal(-2, open.OldestIndex);
        Assert.Equal(9, open.NewestIndex);
        var order = new List<long>();
        while (open.Count > 0) order.Add((long)(open.RemoveOldest().Start - Epoch).TotalSeconds);
        Assert.Equal([-2, 3, 5, 7, 9], order);
    }

    [Fact]
    public void Finds_an_open_window_by_index_and_refuses_to_open_it_twice()
    {
        var open = new OpenWindows();
        var five = Window(5);
        open.Add(5, five);
        open.Add(6, Window(6));
        Assert.True(open.TryGet(5, out var found));
        Assert.Same(five, found);
        Assert.False(open.TryGet(4, out _));
        Assert.Throws<InvalidOperationException>(() => open.Add(5, Window(5)));
    }
}
