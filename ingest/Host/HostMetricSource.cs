using Pipeline.Contracts.Messages;
using Pipeline.Ingest.Sources;

namespace Pipeline.Ingest.Host;

/// <summary>This machine as one replica: CPU utilization since the previous collection and memory in use, from <c>/proc</c>.</summary>
internal sealed class HostMetricSource(HostMetricOptions options) : IMetricSource
{
    private CpuTimes? _previous;
    private DateTimeOffset _previousTime;

    public string Name => MetricSourceNames.Host;

    public IReadOnlyList<MetricSample> Collect(DateTimeOffset now)
    {
        var cpu = CpuTimes.Parse(File.ReadAllText(Path.Combine(options.ProcPath, "stat")));
        var memory = MemInfo.UsedBytes(File.ReadAllText(Path.Combine(options.ProcPath, "meminfo")));
        var previous = _previous;
        var interval = (now - _previousTime).TotalSeconds;
        _previous = cpu;
        _previousTime = now;
        if (previous is null || interval <= 0) return [];
        return
        [
            new MetricSample
            {
                Service = options.Service,
                Replica = options.Replica.Length > 0 ? options.Replica : Environment.MachineName,
                Timestamp = now,
                IntervalSeconds = interval,
                Utilization = cpu.UtilizationSince(previous.Value),
                MemoryBytes = memory,
            },
        ];
    }
}
