using System.Diagnostics;
using System.Globalization;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;
using Pipeline.Features.Service;
using Pipeline.Features.Windowing;
using Pipeline.Runtime.Kafka.Streaming;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline features-bench --processing-only</c>: the features stage's own work on the benchmark's records, without
/// Kafka. Each round feeds the same records, already in memory, to a new <see cref="FeaturesProcessor"/>, and serializes
/// every window it closes as the stage would publish it. Prints the thread's time and managed allocation per sample, so
/// what the stage adds to raw consume can be told from what the Kafka client costs.
/// </summary>
internal static class FeaturesBenchProcessing
{
    /// <summary>Runs <paramref name="rounds"/> rounds and writes one line per round to <paramref name="output"/>.</summary>
    public static void Run(int count, int services, int replicas, double interval, int rounds, TextWriter output)
    {
        var records = FeaturesBench.Records(count, services, replicas, interval);
        var c = CultureInfo.InvariantCulture;
        for (var round = 1; round <= rounds; round++)
        {
            var processor = new FeaturesProcessor(new WindowingOptions(), TimeProvider.System);
            var published = new CountingOutput();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            foreach (var record in records) processor.Process(record, published);
            clock.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            output.WriteLine(string.Create(c,
                $"processing only, round {round}: {clock.Elapsed.TotalMilliseconds * 1000 / count:0.00} us/sample ({count / clock.Elapsed.TotalSeconds:0} samples/s), {allocated / (double)count:0} B allocated/sample, {published.Windows} windows ({published.Bytes / Math.Max(1, published.Windows)} B each), {published.DeadLetters} dead letters"));
        }
    }

    /// <summary>Serializes what is published, as the stage would, and counts it.</summary>
    private sealed class CountingOutput : IStageOutput
    {
        public long Windows, Bytes, DeadLetters;

        public void Publish<T>(string topic, string key, T message)
        {
            Windows++;
            Bytes += JsonSerde<T>.Instance.Serialize(message, default).Length;
        }

        public void DeadLetter(string reason) => DeadLetters++;
    }
}
