using Pipeline.Fleet.Local;

namespace Pipeline.Cli.Fleet;

/// <summary>Integrates the local fleet's running replica processes over wall time (replica-seconds), sampling every 250 ms.</summary>
internal sealed class ReplicaMeter(ILocalTarget target) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private Task? _loop;
    private double _replicaSeconds;
    private int _maxRunning;

    /// <summary>Replica-seconds since <see cref="Start"/>.</summary>
    public double ReplicaSeconds
    {
        get { lock (_gate) return _replicaSeconds; }
    }

    /// <summary>Most replica processes running at once.</summary>
    public int MaxRunning
    {
        get { lock (_gate) return _maxRunning; }
    }

    public void Start() => _loop = Task.Run(async () =>
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var last = watch.Elapsed;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var running = target.Status.Running;
                var now = watch.Elapsed;
                lock (_gate)
                {
                    _replicaSeconds += running * (now - last).TotalSeconds;
                    _maxRunning = Math.Max(_maxRunning, running);
                }
                last = now;
            }
        }
        catch (OperationCanceledException)
        {
        }
    });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null) await _loop;
        _stop.Dispose();
    }
}
