using Pipeline.Predictor.Forecasting.Gbm;

namespace Pipeline.Predictor.Tests.Forecasting.Gbm;

public class InlineTaskSchedulerTests
{
    [Fact]
    public void Run_ParallelInvokeAboveOneThread_RunsEveryActionOnceOnTheCallingThread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var seen = new List<(int Index, int Thread)>();
        var actions = Enumerable.Range(0, 24).Select(i => (Action)(() => seen.Add((i, Environment.CurrentManagedThreadId)))).ToArray();

        var count = InlineTaskScheduler.Run(() =>
        {
            Parallel.Invoke(new ParallelOptions { MaxDegreeOfParallelism = 2 }, actions);
            Parallel.Invoke(actions.Take(3).ToArray()); // the small-count path: one task per action, the first last
            return seen.Count;
        });

        Assert.Equal(27, count);
        Assert.All(seen, s => Assert.Equal(caller, s.Thread));
        Assert.Equal(Enumerable.Range(0, 24), seen.Take(24).Select(s => s.Index)); // the chunked path keeps the order
        Assert.Equal([0, 1, 2], seen.Skip(24).Select(s => s.Index).Order());
    }

    [Fact]
    public void Run_TaskStartedOnTheCurrentScheduler_CompletesBeforeStartNewReturns()
    {
        var ran = InlineTaskScheduler.Run(() =>
        {
            var inner = Task.Factory.StartNew(() => Environment.CurrentManagedThreadId, CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Current);
            return (inner.IsCompleted, inner.Result);
        });

        Assert.True(ran.IsCompleted);
        Assert.Equal(Environment.CurrentManagedThreadId, ran.Result);
    }

    [Fact]
    public void Run_WorkThrows_TheExceptionItself()
    {
        var e = Assert.Throws<InvalidOperationException>(() => InlineTaskScheduler.Run<int>(() => throw new InvalidOperationException("boom")));
        Assert.Equal("boom", e.Message);
    }
}
