using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.Features.Service;
using Pipeline.Features.Streamiz;
using Pipeline.Features.Windowing;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Hosting;
using Pipeline.Runtime.Kafka.Streaming;

namespace Pipeline.Cli.Commands;

/// <summary>
/// Samples/s through the features stage on an engine, and raw consume throughput, over the same pre-produced samples:
/// each run is a new consumer group reading the metrics topic from its beginning.
/// </summary>
internal static class FeaturesBench
{
    /// <summary>
    /// Produces <paramref name="count"/> valid samples of <paramref name="services"/> services, round robin over the
    /// services; each service's replicas report every <paramref name="intervalSeconds"/> of event time, so windows close.
    /// </summary>
    public static void Produce(string bootstrap, int count, int services, int replicas = 2, double intervalSeconds = 1)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrap, LingerMs = 5, Acks = Acks.All }).Build();
        for (var i = 0; i < count; i++)
        {
            var (service, value) = Sample(i, services, replicas, intervalSeconds);
            producer.Produce(TopicNames.Metrics, new Message<string, byte[]> { Key = service, Value = value });
            if (i % 10_000 == 0) producer.Poll(TimeSpan.Zero);
        }
        if (producer.Flush(TimeSpan.FromSeconds(60)) > 0) throw new InvalidOperationException("samples not delivered to the broker");
    }

    /// <summary>
    /// Sample <paramref name="i"/> of the benchmark (its key and JSON): round robin over the services, each replica reporting
    /// every <paramref name="intervalSeconds"/> of event time.
    /// </summary>
    public static (string Service, byte[] Value) Sample(int i, int services, int replicas, double intervalSeconds)
    {
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var service = $"svc-{i % services:000}";
        var tick = i / services;
        var sample = new MetricSample
        {
            Service = service, Replica = $"{service}-{tick % replicas}", Timestamp = t0.AddSeconds((tick / replicas + 1) * intervalSeconds),
            IntervalSeconds = intervalSeconds, Requests = 10, Completed = 10, Utilization = 0.5,
        };
        return (service, JsonSerde<MetricSample>.Instance.Serialize(sample, default));
    }

    /// <summary>The benchmark's records as the loop hands them to a processor (partition by key modulo the topic's partitions).</summary>
    public static InputMessage[] Records(int count, int services, int replicas, double intervalSeconds)
    {
        var partitions = TopicNames.All.Single(t => t.Name == TopicNames.Metrics).Partitions;
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var (service, value) = Sample(i, services, replicas, intervalSeconds);
            return new InputMessage(TopicNames.Metrics, i % services % partitions, i, service, value, DateTimeOffset.UnixEpoch);
        })];
    }

    /// <summary>Seconds a plain consumer (no processing) takes from its first to its <paramref name="count"/>th record.</summary>
    public static double RawConsume(KafkaOptions kafka, int count)
    {
        var config = KafkaClientConfigs.Consumer(kafka, "raw", "features-bench-raw");
        using var consumer = new ConsumerBuilder<string?, byte[]>(config).Build();
        consumer.Subscribe(TopicNames.Metrics);
        var read = 0;
        Stopwatch? clock = null;
        var deadline = Stopwatch.StartNew();
        while (read < count && deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is not { Message: not null }) continue;
            clock ??= Stopwatch.StartNew();
            read++;
        }
        consumer.Close();
        return read < count ? double.NaN : clock!.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Wall seconds <c>kcat -C</c> takes to read <paramref name="count"/> records from the metrics topic's beginning
    /// (process start included, as the issue measured it), or null when kcat is not installed.
    /// </summary>
    public static double? Kcat(string bootstrap, int count)
    {
        var info = new ProcessStartInfo("kcat") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "-C", "-b", bootstrap, "-t", TopicNames.Metrics, "-o", "beginning", "-e", "-q", "-c", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", "%o\n" })
            info.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        try
        {
            using var kcat = Process.Start(info)!;
            var lines = 0;
            while (kcat.StandardOutput.ReadLine() is not null) lines++;
            kcat.WaitForExit();
            return lines < count ? double.NaN : clock.Elapsed.TotalSeconds;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    /// <summary>Registers the features stage on <paramref name="engine"/> (Streamiz state in a fresh temporary directory).</summary>
    public static Action<IServiceCollection> Engine(string engine) =>
        services => services.AddFeaturesStage(engine, new StreamizOptions { StateDir = Path.Combine(Path.GetTempPath(), $"pipeline-bench-{Guid.NewGuid():N}") });

    /// <summary>
    /// A stage registered by <paramref name="register"/> (<see cref="Engine"/>, or a floor named as the features stage)
    /// from its first to its <paramref name="count"/>th consumed sample: time, windows published, process CPU and GC.
    /// </summary>
    public static async Task<FeaturesStageRun> Stage(KafkaOptions kafka, Action<IServiceCollection> register, int count)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddPipelineKafka(kafka);
        builder.Services.AddSingleton(new WindowingOptions());
        register(builder.Services);
        using var host = builder.Build();
        var counter = host.Services.GetRequiredService<StageCounters>().For(FeaturesEngines.Stage);
        await host.StartAsync();
        Stopwatch? clock = null;
        var start = default(FeaturesStageRun.Mark);
        var deadline = Stopwatch.StartNew();
        var idle = Stopwatch.StartNew(); // since the last look that found nothing consumed
        var idleMark = FeaturesStageRun.Mark.Now();
        while (counter.Consumed < count && deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (clock is null && counter.Consumed > 0)
            {
                clock = Stopwatch.StartNew();
                start = FeaturesStageRun.Mark.Now();
            }
            else if (clock is null)
            {
                idle.Restart();
                idleMark = FeaturesStageRun.Mark.Now();
            }
            await Task.Delay(2);
        }
        // Every record consumed between two looks (a fast stage, few records): the time since the last look that found
        // none is an upper bound of the first-to-last span, so the rate printed is a lower bound.
        if (clock is null && counter.Consumed >= count) (clock, start) = (idle, idleMark);
        var seconds = counter.Consumed < count || clock is null ? double.NaN : clock.Elapsed.TotalSeconds;
        var run = FeaturesStageRun.Mark.Now().Since(start, seconds, 0);
        await host.StopAsync(TimeSpan.FromSeconds(20));
        return run with { Windows = counter.Published };
    }
}
