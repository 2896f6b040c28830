using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Features.Windowing;
using static Pipeline.Features.Tests.Windowing.Samples;

namespace Pipeline.Features.Tests.Windowing;

/// <summary>The caps on services and replicas per window, and the eviction of idle services.</summary>
public sealed class WindowLimitsTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static WindowAggregator Create(int maxServices = 10_000, int maxReplicas = 1_000, TimeSpan? evict = null) => new(new WindowingOptions
    {
        MaxServices = maxServices, MaxReplicasPerWindow = maxReplicas, EvictIdleAfter = evict ?? TimeSpan.FromHours(1),
    });

    [Fact]
    public void Add_ServiceBeyondMaxServices_OverLimitWithReason_KnownServicesStillCounted()
    {
        var aggregator = Create(maxServices: 2);
        Assert.Equal(SampleDisposition.Accepted, aggregator.Add(Sample(1, service: "a"), At(1)).Disposition);
        Assert.Equal(SampleDisposition.Accepted, aggregator.Add(Sample(1, service: "b"), At(1)).Disposition);

        var third = aggregator.Add(Sample(1, service: "c"), At(1));

        Assert.Equal(SampleDisposition.OverLimit, third.Disposition);
        Assert.StartsWith("limit: 2 services", third.Reason);
        Assert.Contains("service c", third.Reason);
        Assert.Equal(SampleDisposition.Accepted, aggregator.Add(Sample(2, service: "a"), At(2)).Disposition);
        Assert.Equal(2, aggregator.ServiceCount);
    }

    [Fact]
    public void Add_ReplicaBeyondMaxReplicas_OverLimit_WindowKeepsTheFirstOnes()
    {
        var aggregator = Create(maxReplicas: 3);
        for (var r = 0; r < 3; r++) Assert.Equal(SampleDisposition.Accepted, aggregator.Add(Sample(1, $"r{r}"), At(1)).Disposition);

        var fourth = aggregator.Add(Sample(1, "r3"), At(1));
        var knownAgain = aggregator.Add(Sample(2, "r0"), At(2));

        Assert.Equal(SampleDisposition.OverLimit, fourth.Disposition);
        Assert.StartsWith("limit: window", fourth.Reason);
        Assert.Contains("3 replicas", fourth.Reason);
        Assert.Equal(SampleDisposition.Accepted, knownAgain.Disposition);
        Assert.Equal(3, Assert.Single(aggregator.Flush()).Replicas);
    }

    [Fact]
    public void DefaultReplicaCap_WindowOfThatManyReplicas_FitsTheDefaultStageMessageLimit()
    {
        var options = new WindowingOptions();
        var aggregator = new WindowAggregator(options);
        var longId = new string('x', 60);
        for (var r = 0; r < options.MaxReplicasPerWindow; r++)
            aggregator.Add(Sample(1, $"{longId}-{r:0000}", latencyCounts: Histogram((120, 5)), latencySumMs: 600), At(1));

        var window = Assert.Single(aggregator.Flush());
        var bytes = JsonSerde<FeatureWindow>.Instance.Serialize(window, default).Length;

        output.WriteLine($"a window of {window.Replicas} replicas with 65-character ids: {bytes} bytes");
        Assert.Equal(options.MaxReplicasPerWindow, window.Replicas);
        Assert.True(bytes > 64 * 1024, $"a window of {window.Replicas} replicas is {bytes} bytes: over the metrics limit");
        Assert.True(bytes < new Pipeline.Runtime.Kafka.KafkaOptions().MaxStageMessageBytes, $"{bytes} bytes");
    }

    [Fact]
    public void CloseIdle_ServiceIdlePastEvictIdleAfter_IsForgottenAndFreesItsSlot()
    {
        var aggregator = Create(maxServices: 1, evict: TimeSpan.FromMinutes(10));
        aggregator.Add(Sample(1, service: "old"), At(1));
        Assert.Equal(SampleDisposition.OverLimit, aggregator.Add(Sample(2, service: "new"), At(2)).Disposition);

        Assert.Single(aggregator.CloseIdle(At(60)));   // idle timeout: its window closes, the service stays
        Assert.Equal(1, aggregator.ServiceCount);
        aggregator.CloseIdle(At(1 + 600));             // idle for 10 min with no open window: evicted

        Assert.Equal(0, aggregator.ServiceCount);
        Assert.Equal(SampleDisposition.Accepted, aggregator.Add(Sample(700, service: "new"), At(700)).Disposition);
    }

    [Fact]
    public void CloseIdle_EvictionOff_KeepsIdleServices()
    {
        var aggregator = Create(evict: TimeSpan.Zero);
        aggregator.Add(Sample(1, service: "old"), At(1));

        aggregator.CloseIdle(At(100_000));

        Assert.Equal(1, aggregator.ServiceCount);
    }
}
