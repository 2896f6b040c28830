using Pipeline.Predictor.Forecasting.Gbm;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Global;
using Pipeline.Predictor.Forecasting.Training;

namespace Pipeline.Predictor.Tests.Forecasting.Global;

public class GlobalRowFileTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(1);

    private static GlobalRowReservoir Captured(int capacity, int points)
    {
        var random = new Random(5);
        var history = new RateHistory(Step, 2000);
        var rows = new GlobalRowReservoir(capacity, 3, seed: 1, Step);
        var next = 0L;
        for (var i = 0; i < points; i++)
        {
            history.Append(Series.Start + Step * i, 100 + 50 * Math.Sin(i / 30.0) + 10 * random.NextDouble());
            next = rows.Offer(history, next, 0.7);
        }
        return rows;
    }

    private static void AssertSameRows(GlobalRowReservoir expected, GlobalRowReservoir actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Rows().Zip(actual.Rows()))
        {
            Assert.Equal(e.Select(r => r.Label), a.Select(r => r.Label));
            Assert.All(e.Zip(a), p => Assert.Equal(p.First.Features, p.Second.Features));
        }
    }

    /// <summary>Saved and read back, a partly filled ring and a full one (wrapped) hold the same rows, newest first.</summary>
    [Theory]
    [InlineData(5000, 400)]
    [InlineData(100, 400)]
    public void EncodeDecode_RoundTrip_SameRows(int capacity, int points)
    {
        var rows = Captured(capacity, points);

        var read = GlobalRowFile.Decode(GlobalRowFile.Encode(rows), capacity, 3, seed: 1, Step, out var problem);

        Assert.Null(problem);
        AssertSameRows(rows, read!);
    }

    [Fact]
    public void Decode_FlippedByteOrOtherShape_RejectedWithTheReason()
    {
        var bytes = GlobalRowFile.Encode(Captured(5000, 300));
        var flipped = (byte[])bytes.Clone();
        flipped[100] ^= 1;

        Assert.Null(GlobalRowFile.Decode(flipped, 5000, 3, 1, Step, out var corrupt));
        Assert.Contains("checksum", corrupt);
        Assert.Null(GlobalRowFile.Decode(bytes, 5000, 2, 1, Step, out var shape));
        Assert.Contains("made for 5000 origins of 3 horizons, not 5000 of 2", shape);
        Assert.Null(GlobalRowFile.Decode(bytes, 5000, 3, 1, TimeSpan.FromSeconds(15), out var step));
        Assert.Contains("made for a step of 00:01:00, not 00:00:15", step);
    }

    /// <summary>A file of the older layout (calendar features per horizon, "GRW1") is refused by name, not misread.</summary>
    [Fact]
    public void Decode_OlderLayout_RejectedByName()
    {
        var bytes = GlobalRowFile.Encode(Captured(5000, 300));
        "GRW1"u8.CopyTo(bytes);
        Pipeline.Predictor.Forecasting.Persistence.Checksum.Of(bytes.AsSpan(0, bytes.Length - Pipeline.Predictor.Forecasting.Persistence.Checksum.Bytes))
            .CopyTo(bytes, bytes.Length - Pipeline.Predictor.Forecasting.Persistence.Checksum.Bytes);

        Assert.Null(GlobalRowFile.Decode(bytes, 5000, 3, 1, Step, out var problem));
        Assert.Contains("older layout (GRW1", problem);
        Assert.Null(GlobalRowFile.Decode([.. "GRW1"u8, .. new byte[44]], 5000, 3, 1, Step, out var empty)); // an empty GRW1 ring
        Assert.Contains("older layout (GRW1", empty);
    }

    [Fact]
    public void Load_CorruptFile_SetAsideAndNull()
    {
        var dir = Directory.CreateTempSubdirectory("global-rows-").FullName;
        try
        {
            var path = Path.Combine(dir, ".gbm-global-60s.rows");
            File.WriteAllBytes(path, [1, 2, 3]);

            Assert.Null(GlobalRowFile.Load(path, 5000, 3, 1, Step, NullLogger.Instance));
            Assert.False(File.Exists(path));
            Assert.Single(Directory.GetFiles(dir, ".gbm-global-60s.rows.corrupt-*"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// A ring restored from its file is not handed the origins it already holds again by the history's full-resolution
    /// span (every origin kept here, so a second offer would add them all), and takes the origins that complete later.
    /// </summary>
    [Fact]
    public void Restored_SameHistoryOfferedAgain_OnlyNewOrigins()
    {
        var random = new Random(6);
        var history = new RateHistory(Step, 3000, new HistoryCompaction(300, 5));
        var rows = new GlobalRowReservoir(5000, 3, seed: 1, Step);
        var next = 0L;
        for (var i = 0; i < 600; i++)
        {
            history.Append(Series.Start + Step * i, 100 + 50 * Math.Sin(i / 30.0) + 10 * random.NextDouble());
            next = rows.Offer(history, next, 1);
        }
        var restored = GlobalRowFile.Decode(GlobalRowFile.Encode(rows), 5000, 3, 1, Step, out var problem)!;
        Assert.Null(problem);
        Assert.Equal(rows.OfferedThrough, restored.OfferedThrough);

        var restartNext = restored.Offer(history, 0, 1);
        Assert.Equal(rows.Count, restored.Count);

        for (var i = 600; i < 610; i++)
        {
            history.Append(Series.Start + Step * i, 100 + 50 * Math.Sin(i / 30.0) + 10 * random.NextDouble());
            restartNext = restored.Offer(history, restartNext, 1);
        }
        Assert.Equal(rows.Count + 10, restored.Count);
        Assert.Equal(GbmTrainer.Row(history, 606, 1).Features, restored.Rows()[0][^1].Features);

        // A history ending long before the mark (a replay from earlier times into the same state) is offered in full.
        var replay = new RateHistory(Step, 3000, new HistoryCompaction(300, 5));
        for (var i = 0; i < 200; i++) replay.Append(Series.Start.AddDays(-30) + Step * i, 100 + i % 7);
        var again = GlobalRowFile.Decode(GlobalRowFile.Encode(rows), 5000, 3, 1, Step, out _)!;
        again.Offer(replay, 0, 1);
        Assert.Equal(rows.Count + 200 - 3 - (GbmFeatures.Lookback - 1), again.Count);
    }

    /// <summary>
    /// A fleet capturing rows saves them with each round; a restarted fleet joined by a compact history starts from them
    /// (plus the origins completed after the save, which the history's full-resolution span offers) instead of an empty ring.
    /// </summary>
    [Fact]
    public void GlobalGbm_Restart_StartsFromTheSavedRows()
    {
        var dir = Directory.CreateTempSubdirectory("global-rows-").FullName;
        try
        {
            var path = Path.Combine(dir, ".gbm-global-60s");
            var options = new ForecastingOptions { Gbm = { Horizons = 2, Trees = 20 }, GlobalGbm = { MaxTrainingRows = 2000, MinOriginPoints = 500 } };
            var random = new Random(4);
            var history = new RateHistory(Step, 3000, new HistoryCompaction(150, 5));
            var fleet = new GlobalGbm(options, 2, TrainerModes.Synchronous, path);
            var view = fleet.Join("a", history);
            var output = new double[2];
            for (var i = 0; i < 1500; i++)
            {
                history.Append(Series.Start + Step * i, 100 + 50 * Math.Sin(i / 30.0) + 10 * random.NextDouble());
                view.TryForecast(history, [1, 2], output);
            }
            var saved = GlobalRowFile.Decode(File.ReadAllBytes(GlobalRowFile.PathFor(path)), 2000, 2, 42, Step, out _)!;
            Assert.InRange(saved.Count, options.Gbm.MinTrainingRows, fleet.CapturedRows!.Value);

            var restarted = new GlobalGbm(options, 2, TrainerModes.Synchronous, path);
            restarted.Join("a", history);

            var after = Enumerable.Range(0, 1500).Count(i => i >= history.FullResolutionFrom + GbmFeatures.Lookback - 1 && i + 2 <= history.LastIndex
                && history.TimeOf(i + 2).UtcTicks > saved.OfferedThrough);
            Assert.InRange(restarted.CapturedRows!.Value, saved.Count, saved.Count + after);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
