using System.Net;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.Features.Service;
using Pipeline.Features.Streamiz;
using Pipeline.Features.Windowing;
using Pipeline.Integration.Tests.Support;
using Pipeline.Runtime.Kafka.Hosting;
using Pipeline.Runtime.Kafka.Streaming;
using Pipeline.Runtime.Observability;
using Pipeline.TestSupport.Influx;
using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.Features;

/// <summary>The features stage on each engine: the window carries the origin header of the sample that closed it; /metrics (with the consumer lag) and /healthz count it.</summary>
public sealed class FeaturesEngineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(FeaturesEngines.Loop)]
    [InlineData(FeaturesEngines.Streamiz)]
    public async Task Run_SamplesCloseAWindow_WindowCarriesOriginAndStageCountersServed(string engine)
    {
        using var broker = KafkaTestBroker.Start();
        var service = $"eng-{Guid.NewGuid():N}"[..12];
        var metricsOptions = new StageMetricsOptions { Port = FreePort.Next() };
        var host = StageHostBuilder.Build(s =>
        {
            s.AddPipelineKafka(broker.Options());
            s.AddSingleton(new WindowingOptions { WindowSize = TimeSpan.FromSeconds(10), Grace = TimeSpan.Zero });
            s.AddFeaturesStage(engine, new StreamizOptions { StateDir = Path.Combine(Path.GetTempPath(), $"pipeline-test-{Guid.NewGuid():N}") });
            s.AddStageObservability(metricsOptions);
        });
        await host.StartAsync();
        try
        {
            var closing = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);
            using (var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers }).Build())
            {
                for (var second = 1; second <= 10; second++)
                {
                    var sample = new MetricSample { Service = service, Replica = "r", Timestamp = T0.AddSeconds(second), Requests = 5, Completed = 5, Utilization = 0.5 };
                    var message = new Message<string, byte[]> { Key = service, Value = JsonSerde<MetricSample>.Instance.Serialize(sample, default) };
                    // grace 0: the sample at 10 s moves the watermark to the end of [0 s, 10 s) and closes it
                    if (second == 10) message.Headers = new Headers { { OriginHeader.Name, OriginHeader.Encode(closing) } };
                    producer.Produce(TopicNames.Metrics, message);
                }
                producer.Produce(TopicNames.Metrics, new Message<string, byte[]> { Key = service, Value = "{\"service\":"u8.ToArray() });
                Assert.Equal(0, producer.Flush(TimeSpan.FromSeconds(10)));
            }

            using var windows = new TopicReader(broker.BootstrapServers, TopicNames.Features);
            Assert.True(windows.ReadUntil(r => r.Any(x => x.Key == service), TimeSpan.FromSeconds(30)), "no window");
            var record = windows.Records.Single(x => x.Key == service);
            Assert.Equal(10, record.As<FeatureWindow>().SampleCount);
            Assert.Equal(closing, record.Origin);

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var url = $"http://127.0.0.1:{metricsOptions.Port}";
            var metrics = "";
            Assert.True(await Eventually.HoldsAsync(async () =>
            {
                metrics = await http.GetStringAsync($"{url}/metrics");
                return metrics.Contains($"pipeline_stage_dead_lettered_total{{stage=\"features\",topic=\"{TopicNames.Metrics}\"}} 1")
                    && metrics.Contains("pipeline_stage_consumer_lag{stage=\"features\"} 0");
            }, TimeSpan.FromSeconds(20)), metrics);
            Assert.Contains($"pipeline_stage_consumed_total{{stage=\"features\",topic=\"{TopicNames.Metrics}\"}} 11", metrics);
            Assert.Contains($"pipeline_stage_published_total{{stage=\"features\",topic=\"{TopicNames.Features}\"}} 1", metrics);
            using var healthz = await http.GetAsync($"{url}/healthz");
            Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        }
        finally
        {
            await StageHostBuilder.StopAndDisposeAsync(host);
        }
    }
}
