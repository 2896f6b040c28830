using Pipeline.Ingest.Host;
using Pipeline.Ingest.Sources;

namespace Pipeline.Stages.Tests.Ingest;

public sealed class HostMetricSourceTests : IDisposable
{
    private readonly string _proc = Directory.CreateTempSubdirectory("proc-").FullName;

    [Fact]
    public void Parse_ProcStatCpuLine_BusyExcludesIdleAndIowait()
    {
        var times = CpuTimes.Parse("cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 1 2 3 4\n");

        Assert.Equal((150UL, 1000UL), (times.Busy, times.Total));
    }

    [Fact]
    public void UtilizationSince_TwoReadings_BusyShareOfElapsedTicks() =>
        Assert.Equal(0.25, new CpuTimes(250, 1400).UtilizationSince(new CpuTimes(150, 1000)), 9);

    [Fact]
    public void UsedBytes_MemInfo_TotalMinusAvailable() =>
        Assert.Equal((1000L - 400L) * 1024, MemInfo.UsedBytes("MemTotal:  1000 kB\nMemFree: 100 kB\nMemAvailable:   400 kB\n"));

    [Fact]
    public void Collect_SecondCall_OneSampleWithUtilizationOverTheInterval()
    {
        var source = new HostMetricSource(new HostMetricOptions { Service = "box", Replica = "box-1", ProcPath = _proc });
        var t0 = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Write("cpu  100 0 0 900 0 0 0 0\n", "MemTotal: 2000 kB\nMemAvailable: 500 kB\n");
        var first = source.Collect(t0);
        Write("cpu  400 0 0 1600 0 0 0 0\n", "MemTotal: 2000 kB\nMemAvailable: 1000 kB\n");

        var second = source.Collect(t0.AddSeconds(2));

        Assert.Empty(first);
        var sample = Assert.Single(second);
        Assert.Equal(("box", "box-1", 2.0, 0.3, 1000L * 1024), (sample.Service, sample.Replica, sample.IntervalSeconds, sample.Utilization, sample.MemoryBytes!.Value));
    }

    [Fact]
    public void Validate_UnknownSourceName_RejectedListingKnownNames()
    {
        var e = Assert.Throws<ArgumentException>(() => MetricSources.Validate("statsd"));

        Assert.Contains("known: host, prometheus, simulator", e.Message);
    }

    public void Dispose() => Directory.Delete(_proc, recursive: true);

    private void Write(string stat, string meminfo)
    {
        File.WriteAllText(Path.Combine(_proc, "stat"), stat);
        File.WriteAllText(Path.Combine(_proc, "meminfo"), meminfo);
    }
}
