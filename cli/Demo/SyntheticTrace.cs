using Pipeline.Cli.Hosting;
using Pipeline.Simulator.Traces;

namespace Pipeline.Cli.Demo;

/// <summary>The demo's synthetic load written out as a trace of one row per second, so the real fleet's load generator can follow it.</summary>
internal static class SyntheticTrace
{
    /// <summary><paramref name="span"/> of the synthetic load (its surge a minute after <paramref name="surgeAfter"/>), one row per second.</summary>
    public static Trace Create(TimeSpan span, TimeSpan surgeAfter, DateTimeOffset start)
    {
        var load = SimulationSetup.Load(null, surgeAfter);
        var rows = new double[(int)Math.Ceiling(span.TotalSeconds)];
        for (var i = 0; i < rows.Length; i++) rows[i] = load.SegmentAt(i + 0.5).RatePerSecond;
        return new Trace("synthetic", start, TimeSpan.FromSeconds(1), rows);
    }
}
