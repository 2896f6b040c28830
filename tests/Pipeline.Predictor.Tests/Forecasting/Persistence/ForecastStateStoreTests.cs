using Pipeline.Predictor.Forecasting.Persistence;
using Pipeline.TestSupport.Logging;

namespace Pipeline.Predictor.Tests.Forecasting.Persistence;

/// <summary>The predictive state on a real temporary directory: corrupt files, hostile service ids, atomic writes.</summary>
public sealed class ForecastStateStoreTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(15);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "state-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(int.MaxValue)]
    public void LoadHistory_CountThatDoesNotFitTheFile_SetAsideWithWarningAndColdStart(int count)
    {
        var log = new RecordingLogger();
        var store = new ForecastStateStore(_root, log);
        var dir = Path.Combine(_root, "web");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "history.bin");
        using (var writer = new BinaryWriter(File.Create(path)))
        {
            writer.Write(0x48495354);
            writer.Write(Step.Ticks);
            writer.Write(Series.Start.UtcTicks);
            writer.Write(0L);
            writer.Write(count);
            writer.Write(1.5);
        }

        var first = store.LoadHistory("web", Step, 100);
        var second = store.LoadHistory("web", Step, 100);

        Assert.Null(first);
        Assert.Null(second);
        Assert.False(File.Exists(path));
        Assert.Single(Directory.GetFiles(dir, "history.bin.corrupt-*"));
        var warning = Assert.Single(log.Messages);
        Assert.StartsWith("Warning: Predictive state of web: ", warning);
        Assert.Contains($"point count {count} does not match the 1 points the file holds", warning);
    }

    [Fact]
    public void LoadHistory_TruncatedFile_SetAsideAndColdStart()
    {
        var store = new ForecastStateStore(_root);
        var path = Path.Combine(_root, "web", "history.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        HistoryFile.Write(path, Series.Build(Step, 40, i => i));
        Assert.Equal(40, store.LoadHistory("web", Step, 100)!.Count);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 3)]);

        Assert.Null(store.LoadHistory("web", Step, 100));
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("../../etc")]
    [InlineData("a/../../b")]
    public void ServiceDirectory_HostileServiceId_StaysUnderTheRoot(string service)
    {
        var store = new ForecastStateStore(_root);

        var dir = Path.GetFullPath(store.ServiceDirectory(service));

        Assert.StartsWith(Path.GetFullPath(_root) + Path.DirectorySeparatorChar, dir);
        Assert.NotEqual(Path.GetFullPath(_root), dir);
    }
}
