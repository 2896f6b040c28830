namespace Pipeline.Predictor.Forecasting.Gbm;

/// <summary>
/// Runs every task queued to it at once, on the queuing thread, one at a time. FastTree splits each step of a tree
/// into parallel subtasks; on one thread it hands each to the thread pool with <c>Task.Run</c> and blocks on it, which
/// on a busy 2-core machine costs a thread switch per subtask (a quarter of a training round's CPU, measured with perf).
/// With more than one thread it uses <c>Parallel</c>, which queues to the current scheduler: this one, so the subtasks
/// run one after another on the training thread, as on one thread, with no hand-off.
/// </summary>
internal sealed class InlineTaskScheduler : TaskScheduler
{
    private static readonly InlineTaskScheduler Instance = new();

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>Runs <paramref name="work"/> on this thread with this scheduler current; exceptions propagate unwrapped.</summary>
    public static T Run<T>(Func<T> work) =>
        Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.None, Instance).GetAwaiter().GetResult();

    protected override void QueueTask(Task task) => TryExecuteTask(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => [];
}
