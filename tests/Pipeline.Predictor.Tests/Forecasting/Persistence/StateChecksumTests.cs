using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Persistence;
using Pipeline.Predictor.Forecasting.Training;
using Pipeline.TestSupport.Logging;

namespace Pipeline.Predictor.Tests.Forecasting.Persistence;

/// <summary>Checksummed state on a real directory: a changed history or model file is set aside with a warning, then rebuilt.</summary>
public sealed class StateChecksumTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "state-checksum-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static void FlipByte(string path, int fromEnd)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[^fromEnd] ^= 0x40;
        File.WriteAllBytes(path, bytes);
    }

    [Fact]
    public void LoadHistory_OnePointChangedOnDisk_ChecksumMismatch_SetAsideWithWarning()
    {
        var log = new RecordingLogger();
        var store = new ForecastStateStore(_root, log);
        var path = Path.Combine(store.ServiceDirectory("web"), "history.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        HistoryFile.Write(path, Series.Build(Step, 40, i => i));
        FlipByte(path, fromEnd: 32 + 3); // inside the last point, before the checksum

        Assert.Null(store.LoadHistory("web", Step, 100));
        Assert.False(File.Exists(path));
        Assert.Contains("checksum mismatch", Assert.Single(log.Messages));
    }

    [Fact]
    public void LoadHistory_FileOfTheFormatWithoutChecksum_StillRead()
    {
        var store = new ForecastStateStore(_root);
        var path = Path.Combine(store.ServiceDirectory("web"), "history.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (var writer = new BinaryWriter(File.Create(path)))
        {
            writer.Write(0x48495354);
            foreach (var v in new long[] { Step.Ticks, Series.Start.UtcTicks, 0L }) writer.Write(v);
            writer.Write(2);
            writer.Write(1.5);
            writer.Write(2.5);
        }

        var history = store.LoadHistory("web", Step, 100);

        Assert.Equal([1.5, 2.5], [history![0], history[1]]);
    }

    [Fact]
    public void TryLoadModel_ModelFileChangedOnDisk_SetAsideWithWarning_ThenRetrainedAndSavedAgain()
    {
        var options = new ForecastingOptions { Gbm = { Horizons = 1, Trees = 20 } };
        var history = Series.Build(Step, 4 * 96, i => 200 + 100 * Math.Sin(2 * Math.PI * i / 96));
        var log = new RecordingLogger();
        var store = new ForecastStateStore(_root, log);
        var trainer = TrainerModes.Create(TrainerModes.Synchronous);
        var gbm = (ITrainableForecaster)ForecasterRegistry.Create(ForecasterNames.Gbm, options);
        trainer.Maintain(gbm, history, (model, snapshot) => store.Save("web", snapshot, gbm, model));
        var version = Directory.GetDirectories(store.ServiceDirectory("web"), "gbm.v*").Single();
        FlipByte(Path.Combine(version, "h1.zip"), fromEnd: 100);

        var restored = (ITrainableForecaster)ForecasterRegistry.Create(ForecasterNames.Gbm, options);
        Assert.False(store.TryLoadModel("web", restored));
        Assert.Contains("h1.zip: checksum mismatch", Assert.Single(log.Messages));
        Assert.Single(Directory.GetDirectories(store.ServiceDirectory("web"), "corrupt-gbm.v*"));

        trainer.Maintain(restored, history, (model, snapshot) => store.Save("web", snapshot, restored, model));
        Assert.True(store.TryLoadModel("web", (ITrainableForecaster)ForecasterRegistry.Create(ForecasterNames.Gbm, options)));
    }
}
