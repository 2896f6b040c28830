using Confluent.Kafka;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;

namespace Pipeline.Integration.Tests.ScaleOut;

/// <summary>
/// Steady metric load for many services until stopped: tick n (from 1) sends one sample per (service, replica) stamped
/// T0 + n s covering the second before it, so window [15k, 15k + 15) of a service holds ticks 15k + 1 .. 15k + 15. Keyed by service.
/// </summary>
internal sealed class FleetSampleLoad : IDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly IProducer<string, byte[]> _producer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _failed;

    public FleetSampleLoad(string bootstrap, IReadOnlyList<string> services, int replicas, int tickMs)
    {
        Services = services;
        Replicas = replicas;
        _producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, Acks = Acks.All, EnableIdempotence = true, LingerMs = 5 }).Build();
        _loop = Task.Run(() =>
        {
            while (!_stop.IsCancellationRequested)
            {
                Send(T0.AddSeconds(Ticks + 1));
                Ticks++;
                Thread.Sleep(tickMs);
            }
        });
    }

    public IReadOnlyList<string> Services { get; }
    public int Replicas { get; }

    /// <summary>Ticks sent so far (after <see cref="Stop"/>: all of them).</summary>
    public int Ticks { get; private set; }

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Stops the load, then sends one sample per service <paramref name="ahead"/> past the last tick (its watermark closes every earlier window) and waits for delivery.</summary>
    public void Stop(TimeSpan ahead)
    {
        _stop.Cancel();
        _loop.Wait();
        Send(T0.AddSeconds(Ticks) + ahead, replicas: 1);
        _producer.Flush(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        if (!_stop.IsCancellationRequested) Stop(TimeSpan.FromMinutes(1));
        _producer.Dispose();
        _stop.Dispose();
    }

    private void Send(DateTimeOffset timestamp, int? replicas = null)
    {
        foreach (var service in Services)
        {
            for (var r = 0; r < (replicas ?? Replicas); r++)
            {
                var sample = new MetricSample { Service = service, Replica = $"r{r}", Timestamp = timestamp, Requests = 10, Completed = 10, Utilization = 0.5 };
                _producer.Produce(TopicNames.Metrics, new Message<string, byte[]> { Key = service, Value = JsonSerde<MetricSample>.Instance.Serialize(sample, default) },
                    report => { if (report.Error.IsError) Interlocked.Increment(ref _failed); });
            }
        }
    }
}
