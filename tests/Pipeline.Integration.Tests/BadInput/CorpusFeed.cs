using Confluent.Kafka;
using Pipeline.Contracts.Topics;

namespace Pipeline.Integration.Tests.BadInput;

/// <summary>
/// Produces the corpus with a real producer: the good service's samples (two replicas, one a second) with every bad
/// metric record interleaved, the order-dependent cases (duplicate, late, ancient) where they apply, a service of 1,001
/// replicas, the later stages' bad inputs, and on request a flood of distinct service ids.
/// </summary>
internal sealed class CorpusFeed(string bootstrap, DateTimeOffset t0) : IDisposable
{
    public const string Good = "corpus-good", Big = "corpus-big";

    /// <summary>The services that get windowing state before the flood (every other metric record is rejected unread or invalid).</summary>
    public static readonly string[] StatefulServices = [Good, Big, WindowingCases.Edge];

    private readonly IProducer<string, byte[]> _producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrap }).Build();

    public int Records { get; private set; }

    public List<BadInputCase> SendCorpus()
    {
        var metrics = new MetricCases(Good, t0);
        var windowing = new WindowingCases(Good, t0);
        var pending = new Queue<BadInputCase>(metrics.Malformed().Concat(metrics.Invalid()).Concat(windowing.Anytime()));
        var sent = new List<BadInputCase>();
        for (var s = 1; s <= 29; s++)
        {
            foreach (var replica in (string[])["r1", "r2"]) Sample(Good, replica, s);
            for (var i = 0; i < 3 && pending.Count > 0; i++) Send(pending.Dequeue(), sent);
            if (s == 5) Send(windowing.Duplicate(), sent);
        }
        while (pending.Count > 0) Send(pending.Dequeue(), sent);
        Sample(Good, "r1", 40); // watermark 35 s: [0, 15) and [15, 30) close
        foreach (var c in windowing.AfterWatermark()) Send(c, sent);
        Sample(Good, "r1", 60);
        for (var r = 0; r < 1_000; r++) Sample(Big, $"big-{r:0000}", 1);
        Send(windowing.ReplicaOverLimit(Big), sent);
        Sample(Big, "big-0000", 40);
        foreach (var c in StageInputCases.FeatureWindows(t0).Concat(StageInputCases.Actuations(t0)).Concat(StageInputCases.Decisions(t0)))
            Send(c, sent);
        Flush();
        return sent;
    }

    /// <summary>One valid sample each of <paramref name="count"/> new services; returns their ids.</summary>
    public IReadOnlyList<string> Flood(int count)
    {
        var ids = Enumerable.Range(0, count).Select(i => $"flood-{i:00000}").ToList();
        foreach (var id in ids) Sample(id, "r1", 1);
        Flush();
        return ids;
    }

    private void Sample(string service, string replica, int second) =>
        Produce(TopicNames.Metrics, service, SampleJson.Valid(service, replica, t0.AddSeconds(second)).Bytes);

    private void Send(BadInputCase c, List<BadInputCase> sent)
    {
        Produce(c.Topic, c.Key, c.Value);
        sent.Add(c);
    }

    private void Produce(string topic, string key, byte[] value)
    {
        _producer.Produce(topic, new Message<string, byte[]> { Key = key, Value = value });
        Records++;
    }

    private void Flush()
    {
        if (_producer.Flush(TimeSpan.FromSeconds(20)) != 0) throw new InvalidOperationException("records not delivered");
    }

    public void Dispose() => _producer.Dispose();
}
