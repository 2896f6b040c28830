using System.Globalization;
using Pipeline.Contracts.Topics;
using Pipeline.Runtime.Kafka;
using Pipeline.Runtime.Kafka.Embedded;

namespace Pipeline.Cli.Commands;

/// <summary>
/// One round of <c>pipeline features-bench</c> on a fresh embedded broker: the samples produced, raw consume (a .NET
/// consumer and kcat) and then each engine over the same records, each as a new consumer group. Prints every figure.
/// </summary>
internal static class FeaturesBenchRound
{
    /// <summary>Samples/s of each engine and its share of kcat's rate in this round (NaN without kcat).</summary>
    public static async Task<List<(string Engine, double Rate, double OfKcat)>> Run(int count, int services, int replicas, double interval, IEnumerable<string> engines)
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopics(TopicNames.All);
        FeaturesBench.Produce(cluster.BootstrapServers, count, services, replicas, interval);
        KafkaOptions Fresh() => new() { BootstrapServers = cluster.BootstrapServers, GroupIdPrefix = $"bench-{Guid.NewGuid():N}"[..14] };
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"features-bench: {count} samples of {services} services on the embedded broker at {cluster.BootstrapServers}"));
        var raw = FeaturesBench.RawConsume(Fresh(), count);
        Console.WriteLine(string.Create(c, $"raw consume            {count / raw,10:0} samples/s ({raw:0.00} s; a .NET consumer in this process, no processing)"));
        var kcat = FeaturesBench.Kcat(cluster.BootstrapServers, count);
        if (kcat is { } k)
            Console.WriteLine(string.Create(c, $"raw consume (kcat)     {count / k,10:0} samples/s ({k:0.00} s; kcat -C as a process, its start-up included)"));
        var rates = new List<(string, double, double)>();
        foreach (var engine in engines)
        {
            var r = await FeaturesBench.Stage(Fresh(), engine, count);
            var ofKcat = kcat is { } kk ? kk / r.Seconds : double.NaN;
            var kcatShare = double.IsNaN(ofKcat) ? "kcat not installed" : string.Create(c, $"{ofKcat:P0} of kcat");
            Console.WriteLine(string.Create(c,
                $"features on {engine,-10} {count / r.Seconds,10:0} samples/s ({r.Seconds:0.00} s, {r.Windows} windows, {raw / r.Seconds:P0} of raw .NET consume, {kcatShare}; process CPU {r.CpuSeconds * 1e6 / count:0.0} us/sample, {r.AllocatedBytes / (double)count:0} B allocated/sample, GC {r.Gen0}/{r.Gen1}/{r.Gen2} gen0/1/2, paused {r.GcPauseMs:0} ms; JIT {r.JitMs:0} ms for {r.JitMethods} methods)"));
            rates.Add((engine, count / r.Seconds, ofKcat));
        }
        return rates;
    }
}
