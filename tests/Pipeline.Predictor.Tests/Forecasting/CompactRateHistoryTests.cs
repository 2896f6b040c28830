using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Gbm;

namespace Pipeline.Predictor.Tests.Forecasting;

public class CompactRateHistoryTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly HistoryCompaction Compaction = new(FullResolution: 20, Factor: 5);

    private static RateHistory Build(int points, Func<int, double> f, int capacity = 100, HistoryCompaction? compaction = null)
    {
        var history = new RateHistory(Minute, capacity, compaction ?? Compaction);
        for (var i = 0; i < points; i++) history.Append(Series.Start + Minute * i, f(i));
        return history;
    }

    [Fact]
    public void Indexer_RecentSpanExact_OlderPointsReadTheirBucketMean()
    {
        var history = Build(132, i => i);

        Assert.Equal(112, history.FullResolutionFrom);
        Assert.Equal(32, history.FirstIndex);
        Assert.All(Enumerable.Range(112, 20), i => Assert.Equal(i, history[i]));
        Assert.Equal(107, history[105]); // bucket 105..109
        Assert.Equal(107, history[109]);
        Assert.Equal(110.5, history[110]); // bucket 110..114: only 110 and 111 have left the full-resolution span
        Assert.Equal(32, history[32]); // bucket 30..34, its mean includes 30 and 31 (no longer held)
        Assert.False(history.Holds(31));
    }

    [Fact]
    public void Indexer_BeforeAnyPointLeftTheSpan_EveryPointExact()
    {
        var history = Build(20, i => i * 1.5);

        Assert.Equal(0, history.FullResolutionFrom);
        Assert.All(Enumerable.Range(0, 20), i => Assert.Equal(i * 1.5, history[i]));
    }

    [Fact]
    public void FullResolutionFrom_FactorOne_EveryHeldPoint()
    {
        var history = Build(130, i => i * 0.5, compaction: new HistoryCompaction(20, 1));

        Assert.Equal(history.FirstIndex, history.FullResolutionFrom);
        Assert.All(Enumerable.Range(30, 100), i => Assert.Equal(i * 0.5, history[i]));
    }

    [Fact]
    public void Append_GapBeyondCapacity_KeepsTheNewestAndCarriesForward()
    {
        var history = Build(30, i => 7);
        var added = history.Append(Series.Start + Minute * 300, 9);

        Assert.Equal(271, added);
        Assert.Equal(201, history.FirstIndex);
        Assert.Equal(7, history[201]);
        Assert.Equal(7, history[298]);
        Assert.Equal(9, history[300]);
    }

    [Fact]
    public void Indexer_BeyondTheBucketSpan_CoarseBucketMeans()
    {
        // Buckets of 5 for the newest 60 points, of 20 beyond; the bucket ring holds buckets 37..45 (indices 185..229), so
        // coarse bucket 9 (180..199) is read from the coarse ring and coarse bucket 10 (200..219) from the buckets.
        var history = Build(250, i => i, capacity: 200, compaction: new HistoryCompaction(20, 5, BucketSpan: 60, CoarseFactor: 20));

        Assert.Equal(230, history.FullResolutionFrom);
        Assert.Equal(202, history[200]);
        Assert.Equal(217, history[219]);
        Assert.Equal(190, history[185]); // 189.5 as bfloat16 (8 significant bits, ties to even)
        Assert.Equal(190, history[199]);
        Assert.Equal(49.5, history[50]); // coarse bucket 40..59, its mean includes 40..49 (no longer held)
    }

    [Theory]
    [InlineData(60)]
    [InlineData(200)]
    public void Snapshot_Coarse_ReadsTheSameValues(int keep)
    {
        var history = Build(250, i => i % 17 * 3.25, capacity: 200, compaction: new HistoryCompaction(20, 5, BucketSpan: 60, CoarseFactor: 20));
        var snapshot = history.Snapshot(keep);

        Assert.All(Enumerable.Range(250 - keep, keep), i => Assert.Equal(history[i], snapshot[i]));
    }

    [Fact]
    public void Snapshot_ReadsTheSameValues()
    {
        var history = Build(250, i => i % 17 * 3.25);
        var snapshot = history.Snapshot(60);

        Assert.Equal(history.FullResolutionFrom, snapshot.FullResolutionFrom);
        Assert.Equal(190, snapshot.FirstIndex);
        Assert.All(Enumerable.Range(190, 60), i => Assert.Equal(history[i], snapshot[i]));
    }

    /// <summary>
    /// The gbm features of a compact history (half a day at full resolution) against those of the exact one on three days
    /// of a noisy daily sine at 15 s: the recent ones read full-resolution points (equal up to their bfloat16 rounding: at
    /// most 2^-8 of a rate moves y = log1p(requests) by at most 0.0039, a difference of two by 0.0078), the daily
    /// lag reads a 5-point bucket mean instead of the ±2-point mean around it (a sine moves little in 75 s).
    /// </summary>
    [Fact]
    public void GbmFeatures_DailySineAt15s_MatchTheExactHistory()
    {
        var step = TimeSpan.FromSeconds(15);
        var perDay = 5760;
        var random = new Random(3);
        var values = Enumerable.Range(0, 3 * perDay).Select(i => Series.DailySine(i, perDay, 200, 120) * (1 + 0.01 * Series.Gaussian(random))).ToArray();
        var exact = new RateHistory(step, 35 * perDay);
        var compact = new RateHistory(step, 35 * perDay, new HistoryCompaction(perDay / 2, 5));
        for (var i = 0; i < values.Length; i++)
        {
            exact.Append(Series.Start + step * i, values[i]);
            compact.Append(Series.Start + step * i, values[i]);
        }
        Span<float> a = stackalloc float[GbmFeatures.Count], b = stackalloc float[GbmFeatures.Count];

        for (var t = compact.LastIndex - 300; t <= compact.LastIndex - 6; t += 7)
        {
            GbmFeatures.Write(exact, t, 5, a);
            GbmFeatures.Write(compact, t, 5, b);
            for (var f = 0; f < GbmFeatures.Count; f++) Assert.True(Math.Abs(a[f] - b[f]) < (f is 8 or 9 ? 0.02 : 0.0078), $"feature {f} at {t}: {a[f]} vs {b[f]}");
        }
        Assert.True(compact.FullResolutionFrom > compact.LastIndex - perDay + 5);
    }
}
