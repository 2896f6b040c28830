using Pipeline.Predictor.Forecasting.Gbm;

namespace Pipeline.Predictor.Tests.Forecasting.Gbm;

public class InlineTaskSchedulerTests
{
    /// <summary>
    /// A task started inside <see cref="InlineTaskScheduler.Run{T}"/> on the current scheduler (as FastTree's Parallel
    /// calls start theirs) has run to completion on the caller's thread by the time it is returned. Run from a thread-pool
    /// thread, where the default scheduler would queue it to the pool.
    /// </summary>
    [Fact]
    public async Task Run_StartedTask_CompletesInlineOnTheCallersThread()
    {
        var (caller, ran, completedOnReturn) = await Task.Run(() => InlineTaskScheduler.Run(() =>
        {
            var ran = -1;
            var task = Task.Factory.StartNew(() => { Thread.Sleep(20); ran = Environment.CurrentManagedThreadId; });
            return (Environment.CurrentManagedThreadId, ran, task.IsCompleted);
        }));

        Assert.True(completedOnReturn);
        Assert.Equal(caller, ran);
    }

    /// <summary>FastTree's way of splitting work: Parallel.Invoke and Parallel.For; every item runs, on the caller's thread.</summary>
    [Fact]
    public async Task Run_ParallelWork_EveryItemOnTheCallersThread()
    {
        var (caller, seen) = await Task.Run(() => InlineTaskScheduler.Run(() =>
        {
            var seen = new List<int>();
            void Record() { Thread.Sleep(2); seen.Add(Environment.CurrentManagedThreadId); }
            Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = 2 }, Enumerable.Repeat((Action)Record, 16).ToArray());
            Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ => Record());
            return (Environment.CurrentManagedThreadId, seen);
        }));

        Assert.Equal(32, seen.Count); // an unsynchronized list: a concurrent Add could lose an entry
        Assert.All(seen, thread => Assert.Equal(caller, thread));
    }

    [Fact]
    public void Run_Throws_TheWorksException()
    {
        var error = Assert.Throws<InvalidOperationException>(() => InlineTaskScheduler.Run<int>(() => throw new InvalidOperationException("boom")));

        Assert.Equal("boom", error.Message);
    }
}
