using Pipeline.Contracts.Messages;
using Pipeline.Integration.Tests.Support;

namespace Pipeline.Integration.Tests.ScaleOut;

/// <summary>
/// Steady metric load for many services until stopped: tick n (from 0) sends one sample per (service, replica), service
/// i's stamped T0 + (n + 1 + i mod 15) s covering the second before it, so the services' windows close at different
/// ticks (interleaved on a partition, as in real fleets). Keyed by service.
/// </summary>
internal sealed class FleetSampleLoad : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly SampleProducer _producer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FleetSampleLoad(string bootstrap, IReadOnlyList<string> services, int replicas, int tickMs)
    {
        Services = services;
        Replicas = replicas;
        _producer = new SampleProducer(bootstrap);
        _loop = Task.Run(() =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Send(Ticks);
                Ticks++;
                Thread.Sleep(tickMs);
            }
        });
    }

    public IReadOnlyList<string> Services { get; }
    public int Replicas { get; }

    /// <summary>Ticks sent so far (after <see cref="Stop"/>: all of them).</summary>
    public int Ticks { get; private set; }

    public long Failed => _producer.Failed;

    /// <summary>When service <paramref name="index"/>'s sample of tick <paramref name="tick"/> is stamped.</summary>
    public static DateTimeOffset Stamp(int index, int tick) => T0.AddSeconds(tick + 1 + index % 15);

    /// <summary>Stops the load, then sends one sample per service <paramref name="ahead"/> past the last tick (its watermark closes every earlier window) and waits for delivery.</summary>
    public void Stop(TimeSpan ahead)
    {
        _stop.Cancel();
        _loop.Wait();
        Send(Ticks + (int)ahead.TotalSeconds, replicas: 1);
        _producer.Flush();
    }

    public void Dispose()
    {
        if (!_stop.IsCancellationRequested) Stop(TimeSpan.FromMinutes(1));
        _producer.Dispose();
        _stop.Dispose();
    }

    private void Send(int tick, int? replicas = null)
    {
        for (var i = 0; i < Services.Count; i++)
        {
            var (service, timestamp) = (Services[i], Stamp(i, tick));
            for (var r = 0; r < (replicas ?? Replicas); r++)
            {
                var sample = new MetricSample { Service = service, Replica = $"r{r}", Timestamp = timestamp, Requests = 10, Completed = 10, Utilization = 0.5 };
                _producer.Produce(sample);
            }
        }
    }
}
