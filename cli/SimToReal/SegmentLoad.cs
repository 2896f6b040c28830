using Pipeline.Fleet.Load;
using Pipeline.Simulator.Load;
using Pipeline.Simulator.Traces;

namespace Pipeline.Cli.SimToReal;

/// <summary>
/// The same offered load for both sides: the trace rows of the segment (and of the pre-roll before it), compressed by
/// the speed, scaled so the segment's busiest row runs at the peak rate. The simulator gets it as a load profile over
/// pre-roll + segment; the load generator follows the segment with <see cref="RateProfile.FromTrace"/>, same rows and scale.
/// </summary>
internal sealed class SegmentLoad
{
    private SegmentLoad(Trace trace, TimeSpan start, double scale, Trace compressed, SimToRealSettings settings)
    {
        Trace = trace;
        Start = start;
        Scale = scale;
        Compressed = compressed;
        Settings = settings;
    }

    public Trace Trace { get; }
    public TimeSpan Start { get; }
    public double Scale { get; }
    public Trace Compressed { get; }
    public SimToRealSettings Settings { get; }

    /// <summary>Reads the trace and checks the segment and pre-roll fit in it; errors name the option.</summary>
    public static SegmentLoad Create(SimToRealSettings s)
    {
        var trace = s.Trace ?? TraceReader.Read(s.TracePath);
        var start = TimeSpan.FromTicks(s.Start.Ticks - s.Start.Ticks % trace.Interval.Ticks);
        var prerollTrace = s.Preroll * s.Speed;
        if (start < prerollTrace)
            throw new ArgumentException($"--start: the pre-roll needs {prerollTrace} of trace before the segment (--preroll {s.Preroll} at --speed {s.Speed}); start at {prerollTrace} or later, or shorten --preroll");
        var end = start + s.Duration * s.Speed;
        if (end > trace.Duration)
            throw new ArgumentException($"--duration: the segment ends at {end} of trace time but trace '{trace.Name}' is {trace.Duration} long");
        var first = (int)((start - prerollTrace).Ticks / trace.Interval.Ticks);
        var segmentFirst = (int)(start.Ticks / trace.Interval.Ticks);
        var last = (int)((end.Ticks - 1) / trace.Interval.Ticks);
        var peakRow = Enumerable.Range(segmentFirst, last - segmentFirst + 1).Max(i => trace.Requests[i]);
        if (peakRow <= 0) throw new ArgumentException($"--start/--duration: trace '{trace.Name}' has no requests in the segment");
        var rows = Enumerable.Range(first, last - first + 1).Select(i => trace.Requests[i]).ToArray();
        var interval = trace.Interval / s.Speed;
        var compressed = new Trace(trace.Name, trace.Start, interval, rows);
        return new SegmentLoad(trace, start, s.PeakRps / peakRow * interval.TotalSeconds, compressed, s);
    }

    /// <summary>The simulator's load from the pre-roll's start (offset 0) to the segment's end.</summary>
    public ILoadProfile Profile() => new TraceLoadProfile(Compressed, Scale);

    /// <summary>The load generator's schedule over the segment (wall offset 0 = the segment's start).</summary>
    public RateProfile Rate() => RateProfile.FromTrace(Trace, Start, Settings.Duration, Settings.Speed, Settings.PeakRps);
}
