using System.Globalization;
using Pipeline.Cli.Demo;

namespace Pipeline.Cli.Bench;

/// <summary>The figures of one <c>pipeline bench-scale</c> run.</summary>
internal sealed record ScaleBenchReport(ScaleBenchSettings Settings, long Produced, double ProducedSeconds,
    long Consumed, double ConsumeSeconds, long LagAtEnd, long Windows, double WindowSeconds, long Decisions, double DecisionSeconds,
    IReadOnlyList<double> LatenciesMs, IReadOnlyList<(string Stage, ProcessMemory Memory)> Memory)
{
    public IEnumerable<string> Lines()
    {
        var s = Settings;
        var c = CultureInfo.InvariantCulture;
        yield return string.Create(c, $"bench-scale: {s.Services} services, {s.Duration.TotalSeconds:0} s, policy {s.Policy}{(s.Policy == "predictive" ? $" ({s.Forecaster})" : "")}, features engine {s.Engine}, {s.Rate:0} samples/s offered, one sample per service every {s.Interval.TotalSeconds:0.###} s of event time");
        yield return string.Create(c, $"produced           {Produced,9} samples  {Rate(Produced, ProducedSeconds),9:0}/s");
        yield return string.Create(c, $"features consumed  {Consumed,9} samples  {Rate(Consumed, ConsumeSeconds),9:0}/s  (lag at end {LagAtEnd})");
        yield return string.Create(c, $"windows            {Windows,9}          {Rate(Windows, WindowSeconds),9:0}/s");
        yield return string.Create(c, $"decisions          {Decisions,9}          {Rate(Decisions, DecisionSeconds),9:0}/s");
        yield return string.Create(c, $"decision latency   p50 {Percentiles.Of(LatenciesMs, 50):0} ms, p99 {Percentiles.Of(LatenciesMs, 99):0} ms, max {(LatenciesMs.Count > 0 ? LatenciesMs.Max() : double.NaN):0} ms over {LatenciesMs.Count} decisions");
        foreach (var (stage, memory) in Memory)
            yield return string.Create(c, $"rss {stage,-10}     {memory.RssBytes / 1048576.0,7:0.0} MiB  (peak {memory.PeakBytes / 1048576.0:0.0} MiB)");
    }

    private static double Rate(long count, double seconds) => seconds > 0 ? count / seconds : double.NaN;
}
