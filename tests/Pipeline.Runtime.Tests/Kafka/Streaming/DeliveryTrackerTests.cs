using Pipeline.Runtime.Kafka.Streaming;

namespace Pipeline.Runtime.Tests.Kafka.Streaming;

public sealed class DeliveryTrackerTests
{
    [Fact]
    public void Nothing_sent_is_all_delivered()
    {
        Assert.True(new DeliveryTracker().WaitAll(TimeSpan.Zero));
    }

    [Fact]
    public void An_unacknowledged_output_times_the_wait_out()
    {
        var tracker = new DeliveryTracker();
        tracker.Sent();
        Assert.False(tracker.WaitAll(TimeSpan.FromMilliseconds(50)));
        Assert.Equal(1, tracker.Outstanding);
    }

    [Fact]
    public async Task The_last_report_from_another_thread_releases_the_waiter()
    {
        var tracker = new DeliveryTracker();
        for (var i = 0; i < 3; i++) tracker.Sent();
        var reports = Task.Run(async () =>
        {
            for (var i = 0; i < 3; i++)
            {
                await Task.Delay(20);
                tracker.Acknowledged();
            }
        });
        Assert.True(tracker.WaitAll(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, tracker.Outstanding);
        await reports;
    }

    [Fact]
    public async Task Concurrent_sends_and_reports_balance_and_no_wait_is_missed()
    {
        var tracker = new DeliveryTracker();
        const int rounds = 20_000;
        var acks = new System.Collections.Concurrent.BlockingCollection<int>();
        var reporter = Task.Run(() =>
        {
            foreach (var _ in acks.GetConsumingEnumerable()) tracker.Acknowledged();
        });
        for (var i = 0; i < rounds; i++)
        {
            tracker.Sent();
            acks.Add(i);
            if (i % 1000 == 999) Assert.True(tracker.WaitAll(TimeSpan.FromSeconds(10)));
        }
        acks.CompleteAdding();
        await reporter;
        Assert.True(tracker.WaitAll(TimeSpan.Zero));
        Assert.Equal(0, tracker.Outstanding);
    }
}
