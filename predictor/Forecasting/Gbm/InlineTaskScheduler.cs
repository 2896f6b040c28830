namespace Pipeline.Predictor.Forecasting.Gbm;

/// <summary>
/// Runs every task on the thread that queues it, one at a time. FastTree splits its work with <c>Parallel.Invoke</c> and
/// <c>Parallel.For</c> on the current scheduler even with one training thread; on the thread pool each split becomes
/// tasks handed to other threads and a wait, which on 2 cores busy with simulations cost more CPU in waking, spinning
/// and yielding than the split itself (perf: <c>sched_yield</c>, semaphore waits and the kernel's IRQ enabling in a
/// quarter of a 10-day evaluate's samples). Under this scheduler a fit runs start to end on its caller's thread; the
/// trees are the same (each work item writes its own slots).
/// </summary>
internal sealed class InlineTaskScheduler : TaskScheduler
{
    private static readonly InlineTaskScheduler Instance = new();

    /// <summary>Runs <paramref name="work"/> on this thread with this scheduler current, so the tasks it starts run inline.</summary>
    public static T Run<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.None, Instance).GetAwaiter().GetResult();

    public override int MaximumConcurrencyLevel => 1;

    protected override void QueueTask(Task task) => TryExecuteTask(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => [];
}
