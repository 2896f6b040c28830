namespace Pipeline.Simulator.Traces.Shapes;

/// <summary>Requests per minute of each synthetic shape (see <see cref="TraceShapes"/>); peak levels are arbitrary, evaluations rescale them.</summary>
internal static class ShapeRows
{
    private const double Peak = 6000;

    /// <summary>Daytime peak at 15:00 UTC, night trough at a fifth of it, weekends at 70%, multiplicative noise.</summary>
    public static double[] Diurnal(int minutes, Random random, double noise)
    {
        var rows = new double[minutes];
        for (var m = 0; m < minutes; m++) rows[m] = Math.Max(0, Math.Round(Level(m) * (1 + noise * Normal(random))));
        return rows;
    }

    /// <summary>The diurnal level of minute <paramref name="m"/> without noise.</summary>
    public static double Level(int m)
    {
        var hour = m % 1440 / 60.0;
        var day = m / 1440 % 7;
        var weekend = day >= 5 ? 0.7 : 1.0;
        return Peak * weekend * (0.6 + 0.4 * Math.Cos(2 * Math.PI * (hour - 15) / 24));
    }

    /// <summary>Diurnal load at a third of its level plus about one flash crowd a day at a random minute: a rise to 4–8x within two minutes, decaying over 20–60 minutes.</summary>
    public static double[] FlashCrowds(int minutes, Random random)
    {
        var rows = Diurnal(minutes, random, noise: 0.03);
        for (var m = 0; m < minutes; m++) rows[m] = Math.Round(rows[m] / 3);
        var at = NextGap(random, 1440);
        while (at < minutes)
        {
            var height = (4 + 4 * random.NextDouble()) * Level(at) / 3;
            var decay = 20 + 40 * random.NextDouble();
            for (var m = at; m < minutes && m < at + 360; m++)
            {
                var rise = Math.Min(1, (m - at + 1) / 2.0);
                rows[m] += Math.Round(height * rise * Math.Exp(-Math.Max(0, m - at - 2) / decay));
            }
            at += 120 + NextGap(random, 1440);
        }
        return rows;
    }

    /// <summary>Diurnal load with an outage every day from 14:00 to 14:45 UTC (no requests), after which the full load returns at once.</summary>
    public static double[] DailyOutage(int minutes, Random random)
    {
        var rows = Diurnal(minutes, random, noise: 0.03);
        for (var m = 0; m < minutes; m++) if (m % 1440 is >= 14 * 60 and < 14 * 60 + 45) rows[m] = 0;
        return rows;
    }

    /// <summary>
    /// Serverless arrivals: most minutes empty; a job at the top of every hour for two minutes, and random bursts (one
    /// every 30 minutes on average) of 1–4 minutes at 30–100% of the peak.
    /// </summary>
    public static double[] SparseBursts(int minutes, Random random)
    {
        var rows = new double[minutes];
        for (var m = 0; m < minutes; m++) if (m % 60 < 2) rows[m] = Math.Round(0.5 * Peak * (1 + 0.05 * Normal(random)));
        for (var at = NextGap(random, 30); at < minutes; at += NextGap(random, 30))
        {
            var height = Peak * (0.3 + 0.7 * random.NextDouble());
            var length = random.Next(1, 5);
            for (var m = at; m < minutes && m < at + length; m++) rows[m] += Math.Round(height);
        }
        return rows;
    }

    private static int NextGap(Random random, double mean) => 1 + (int)(-mean * Math.Log(1 - random.NextDouble()));

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
