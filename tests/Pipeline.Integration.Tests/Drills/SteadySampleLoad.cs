using Confluent.Kafka;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;

namespace Pipeline.Integration.Tests.Drills;

/// <summary>
/// Produces metric samples of one service to <see cref="TopicNames.Metrics"/> at a steady rate until stopped: each
/// sample a distinct (replica, timestamp), so InfluxDB holds exactly one point per sample delivered. The producer is
/// idempotent: without it, a batch in flight when the brokers went down was retried after later ones and its samples
/// arrived out of order (dead-lettered as late by the features stage, rightly).
/// </summary>
internal sealed class SteadySampleLoad : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly IProducer<string, byte[]> _producer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _sent;
    private long _delivered;
    private long _failed;

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
        _producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, Acks = Acks.All, EnableIdempotence = true }).Build();
        _loop = Task.Run(() => Run(perTick));
    }

    public string Service { get; }
    public static DateTimeOffset Start => T0;
    public long Delivered => Interlocked.Read(ref _delivered);
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Stops producing and waits until every sample sent was acknowledged.</summary>
    public void Stop()
    {
        _stop.Cancel();
        _loop.Wait();
        _producer.Flush(TimeSpan.FromSeconds(30));
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
                _producer.Produce(TopicNames.Metrics, new Message<string, byte[]> { Key = Service, Value = JsonSerde<MetricSample>.Instance.Serialize(sample, default) },
                    OnDelivered);
            }
            Thread.Sleep(_tickMs);
        }
    }

    private void OnDelivered(DeliveryReport<string, byte[]> report)
    {
        if (report.Error.IsError) Interlocked.Increment(ref _failed);
        else Interlocked.Increment(ref _delivered);
    }
}
