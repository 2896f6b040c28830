namespace Pipeline.Fleet.Replica;

/// <summary>
/// A fixed number of worker slots with a bounded FIFO queue in front of them, and the measured busy time of the slots:
/// completed service time plus the elapsed time of the requests in service now.
/// </summary>
internal sealed class WorkerPool(int workers, int queueLimit, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<TaskCompletionSource<long>> _waiting = new();
    private int _busy;
    private long _busyStartSum;
    private long _busyDoneTicks;

    public int Workers => workers;

    /// <summary>
    /// Takes a slot, waiting in FIFO order; returns the timestamp the slot started at (pass it to <see cref="Release"/>),
    /// or null (nothing taken) when the queue is full.
    /// </summary>
    public async ValueTask<long?> AcquireAsync(CancellationToken cancellationToken)
    {
        LinkedListNode<TaskCompletionSource<long>> node;
        lock (_gate)
        {
            if (_busy < workers && _waiting.Count == 0) return Start();
            if (_waiting.Count >= queueLimit) return null;
            node = _waiting.AddLast(new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        using (cancellationToken.Register(() => Abandon(node)))
        {
            return await node.Value.Task.ConfigureAwait(false);
        }
    }

    /// <summary>Frees the slot taken at <paramref name="started"/> and hands it to the oldest waiter.</summary>
    public void Release(long started)
    {
        lock (_gate)
        {
            _busy--;
            _busyStartSum -= started;
            _busyDoneTicks += time.GetTimestamp() - started;
            if (_waiting.First is not { } next) return;
            _waiting.RemoveFirst();
            next.Value.SetResult(Start());
        }
    }

    public (int Busy, int Queued, double BusySeconds) Snapshot()
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            var ticks = _busyDoneTicks + (_busy * now - _busyStartSum);
            return (_busy, _waiting.Count, (double)ticks / time.TimestampFrequency);
        }
    }

    private long Start()
    {
        _busy++;
        var now = time.GetTimestamp();
        _busyStartSum += now;
        return now;
    }

    private void Abandon(LinkedListNode<TaskCompletionSource<long>> node)
    {
        lock (_gate)
        {
            if (node.List is null) return;
            _waiting.Remove(node);
        }
        node.Value.TrySetCanceled();
    }
}
