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
    public static async Task<List<(string Engine, double Rate, double OfKcat)>> Run(int count, int services, int replicas, double interval, IEnumerable<string> engines, bool floors = false)
    {
        // Computed before the broker starts, so the in-memory pass is not timed with anything else.
        var schedule = floors ? new FeaturesBenchFloors.WindowSchedule(FeaturesBench.Records(count, services, replicas, interval)) : null;
        var c = CultureInfo.InvariantCulture;
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopics(TopicNames.All);
        FeaturesBench.Produce(cluster.BootstrapServers, count, services, replicas, interval);
        KafkaOptions Fresh() => new() { BootstrapServers = cluster.BootstrapServers, GroupIdPrefix = $"bench-{Guid.NewGuid():N}"[..14] };
        Console.WriteLine(string.Create(c, $"features-bench: {count} samples of {services} services on the embedded broker at {cluster.BootstrapServers}"));
        var raw = FeaturesBench.RawConsume(Fresh(), count);
        Console.WriteLine(string.Create(c, $"raw consume            {count / raw,10:0} samples/s ({raw:0.00} s; a .NET consumer in this process, no processing)"));
        var kcat = FeaturesBench.Kcat(cluster.BootstrapServers, count);
        if (kcat is { } k)
            Console.WriteLine(string.Create(c, $"raw consume (kcat)     {count / k,10:0} samples/s ({k:0.00} s; kcat -C as a process, its start-up included)"));
        if (schedule is not null)
            Console.WriteLine(string.Create(c, $"windows serialized     {schedule.SerializeMicroseconds(),10:0.0} us each ({schedule.Windows} windows, in memory, no Kafka)"));
        var rates = new List<(string, double, double)>();
        var stages = engines.Select(e => (Name: e, Register: FeaturesBench.Engine(e))).ToList();
        // After the engines: the features stage skips windows already on its output topic (a restart's re-read), so it
        // would publish none after the contract floor had published them.
        if (schedule is not null) stages.AddRange(FeaturesBenchFloors.Stages(schedule));
        foreach (var (engine, register) in stages)
        {
            var r = await FeaturesBench.Stage(Fresh(), register, count);
            var ofKcat = kcat is { } kk ? kk / r.Seconds : double.NaN;
            var kcatShare = double.IsNaN(ofKcat) ? "kcat not installed" : string.Create(c, $"{ofKcat:P0} of kcat");
            // The process's CPU per sample spread perfectly over every core: no schedule of this work runs faster here.
            var bound = Environment.ProcessorCount * count / r.CpuSeconds;
            Console.WriteLine(string.Create(c,
                $"{Label(engine),-22} {count / r.Seconds,10:0} samples/s ({r.Seconds:0.00} s, {r.Windows} windows, {raw / r.Seconds:P0} of raw .NET consume, {kcatShare}; process CPU {r.CpuSeconds * 1e6 / count:0.0} us/sample, on {Environment.ProcessorCount} cores at most {bound:0} samples/s, {bound * raw / count:P0} of raw; {r.AllocatedBytes / (double)count:0} B allocated/sample, GC {r.Gen0}/{r.Gen1}/{r.Gen2} gen0/1/2, paused {r.GcPauseMs:0} ms; JIT {r.JitMs:0} ms for {r.JitMethods} methods)"));
            rates.Add((engine, count / r.Seconds, ofKcat));
        }
        return rates;
    }

    /// <summary>How a stage's line starts: "features on ENGINE", or a floor's own name.</summary>
    public static string Label(string stage) => stage.StartsWith("floor", StringComparison.Ordinal) ? stage : $"features on {stage}";
}
