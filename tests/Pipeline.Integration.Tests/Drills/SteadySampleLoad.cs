using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Topics;
using Pipeline.Integration.Tests.Support;

namespace Pipeline.Integration.Tests.Drills;

/// <summary>
/// Produces metric samples of one service to <see cref="TopicNames.Metrics"/> at a steady rate until stopped: each
/// sample a distinct (replica, timestamp), so InfluxDB holds exactly one point per sample delivered (an idempotent
/// <see cref="SampleProducer"/>).
/// </summary>
internal sealed class SteadySampleLoad : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly SampleProducer _producer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _sent;

    private readonly TimeSpan _step;

    private readonly int _tickMs;

    /// <summary>
    /// Sends <paramref name="perTick"/> samples about every <paramref name="tickMs"/> ms, the n-th of replica <c>r{n % 4}</c>
    /// stamped T0 + n × <paramref name="step"/> (default 1 ms).
    /// </summary>
    public SteadySampleLoad(string bootstrap, string service, int perTick, TimeSpan? step = null, int tickMs = 10)
    {
        _tickMs = tickMs;
        Service = service;
        _step = step ?? TimeSpan.FromMilliseconds(1);
        _producer = new SampleProducer(bootstrap, lingerMs: 5);
        _loop = Task.Run(() => Run(perTick));
    }

    public string Service { get; }
    public static DateTimeOffset Start => T0;
    public long Delivered => _producer.Delivered;
    public long Failed => _producer.Failed;

    /// <summary>Stops producing and waits until every sample sent was acknowledged.</summary>
    public void Stop()
    {
        _stop.Cancel();
        _loop.Wait();
        _producer.Flush();
    }

    public void Dispose()
    {
        if (!_stop.IsCancellationRequested) Stop();
        _producer.Dispose();
        _stop.Dispose();
    }

    private void Run(int perTick)
    {
        while (!_stop.IsCancellationRequested)
        {
            for (var i = 0; i < perTick; i++)
            {
                var n = _sent++;
                var sample = new MetricSample
                {
                    Service = Service, Replica = $"r{n % 4}", Timestamp = T0 + n * _step, Requests = 10, Completed = 10, Utilization = 0.5,
                };
                _producer.Produce(sample);
            }
            Thread.Sleep(_tickMs);
        }
    }
}
