using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Persistence;
using Pipeline.Predictor.Forecasting.Storage;

namespace Pipeline.Predictor.Tests.Forecasting.Persistence;

/// <summary>A compact history on disk: written in its compact form, read back to the same values; older files still read.</summary>
public sealed class CompactHistoryFileTests : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(15);
    private static readonly HistoryCompaction Compaction = new(FullResolution: 40, Factor: 5, BucketSpan: 100, CoarseFactor: 20);
    private readonly string _dir = Directory.CreateTempSubdirectory("compact-history-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => System.IO.Path.Combine(_dir, name);

    private static RateHistory Compact(int points, int capacity = 200, Func<int, double>? rate = null)
    {
        var history = new RateHistory(Step, capacity, Compaction);
        for (var i = 0; i < points; i++) history.Append(Series.Start + Step * i, rate?.Invoke(i) ?? 10 + i % 13 * 0.7);
        return history;
    }

    [Theory]
    [InlineData(30)]
    [InlineData(123)]
    [InlineData(517)]
    public void WriteRead_Compact_SameIndicesAndValues(int points)
    {
        var history = Compact(points);
        HistoryFile.Write(PathOf("h.bin"), history);

        var read = HistoryFile.Read(PathOf("h.bin"), Step, 200, out var corrupt, Compaction)!;

        Assert.Null(corrupt);
        Assert.Equal((history.FirstIndex, history.Count, history.FullResolutionFrom), (read.FirstIndex, read.Count, read.FullResolutionFrom));
        Assert.Equal(history.TimeOf(0), read.TimeOf(0));
        for (var i = history.FirstIndex; i < history.Count; i++) Assert.Equal(history[i], read[i]);
    }

    [Fact]
    public void Write_Compact_StoresOneRunPerBucketNotEveryPoint()
    {
        HistoryFile.Write(PathOf("h.bin"), Compact(517, rate: i => i * 0.25));

        // Held 317..516, full resolution from 477. The ring of (100 - 40 - 1) / 5 + 2 = 13 buckets of 5 holds 415..476, whole
        // coarse buckets of 20 in it start at 420: runs 420..476 by bucket (11 of 5, 1 of 2), 317..419 by coarse bucket (6).
        // 40-byte header, 18 runs of 8 bytes, 40 float32 points, 32-byte checksum.
        Assert.Equal(40 + 18 * 8 + 40 * 4 + 32, new FileInfo(PathOf("h.bin")).Length);
    }

    [Fact]
    public void Read_ExactFileIntoCompactHistory_RecentPointsKept()
    {
        var exact = Series.Build(Step, 150, i => i + 0.25);
        HistoryFile.Write(PathOf("old.bin"), exact);

        var read = HistoryFile.Read(PathOf("old.bin"), Step, 200, out var corrupt, Compaction)!;

        Assert.Null(corrupt);
        Assert.Equal(150, read.Count);
        Assert.Equal(110, read.FullResolutionFrom);
        Assert.All(Enumerable.Range(110, 40), i => Assert.Equal(BFloat16.Decode(BFloat16.Encode(i + 0.25)), read[i])); // held as bfloat16
        Assert.Equal(102, read[100]); // bucket 100..104: 102.25 as bfloat16 (8 significant bits)
    }

    [Fact]
    public void Read_CompactFileWithWrongRunCount_Corrupt()
    {
        HistoryFile.Write(PathOf("h.bin"), Compact(517));
        var bytes = File.ReadAllBytes(PathOf("h.bin"));
        BitConverter.GetBytes(7).CopyTo(bytes, 36); // the run count
        var body = bytes[..^32];
        File.WriteAllBytes(PathOf("h.bin"), [.. body, .. Checksum.Of(body)]);

        Assert.Null(HistoryFile.Read(PathOf("h.bin"), Step, 200, out var corrupt, Compaction));
        Assert.Contains("7 runs and 40 points do not match", corrupt);
    }
}
