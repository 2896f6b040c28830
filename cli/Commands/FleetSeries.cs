using Trace = Pipeline.Simulator.Traces.Trace;

namespace Pipeline.Cli.Commands;

/// <summary>
/// Synthetic services cut from one trace for <c>forecast-fleet</c>: service i (seeded by the fleet seed and i) takes
/// the trace from a random whole day plus a time-zone shift of 0..6 hours, rescaled by a log-uniform factor in
/// [0.05, 20] and multiplied by log-normal noise of mean 1; every service's points share one clock (the trace's start).
/// </summary>
internal sealed class FleetSeries(Trace trace, int points, int seed, double noise)
{
    /// <summary>Points per service (history plus held-out points).</summary>
    public int Points => points;

    /// <summary>Spacing of the points (the trace's).</summary>
    public TimeSpan Step => trace.Interval;

    /// <summary>Time of point <paramref name="i"/> (the same for every service).</summary>
    public DateTimeOffset TimeOf(int i) => trace.Start + trace.Interval * i;

    /// <summary>The rates (req/s) of service <paramref name="service"/>.</summary>
    public double[] Rates(int service)
    {
        var random = new Random(unchecked(seed * 1_000_003 + service)); // not HashCode: it is salted per process
        var perDay = Math.Max(1, (int)Math.Round(TimeSpan.FromDays(1) / trace.Interval));
        var perHour = Math.Max(0, (int)Math.Round(TimeSpan.FromHours(1) / trace.Interval));
        var room = trace.Requests.Count - points - 3 * perHour;
        if (room < 0) throw new ArgumentException($"trace '{trace.Name}' has {trace.Requests.Count} rows; a service needs {points + 3 * perHour}");
        var offset = random.Next(0, room / perDay + 1) * perDay + random.Next(0, 7) * perHour;
        offset = Math.Min(offset, room + 3 * perHour);
        var scale = Math.Exp(Math.Log(0.05) + random.NextDouble() * Math.Log(20 / 0.05));
        var rates = new double[points];
        for (var i = 0; i < points; i++)
        {
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            rates[i] = trace.Requests[offset + i] * scale * Math.Exp(noise * z - noise * noise / 2) / trace.Interval.TotalSeconds;
        }
        return rates;
    }
}
