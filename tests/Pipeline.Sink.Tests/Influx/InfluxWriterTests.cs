using Pipeline.Sink.Influx;
using Pipeline.Sink.LineProtocol;
using Pipeline.TestSupport.Influx;
using Xunit;

namespace Pipeline.Sink.Tests.Influx;

/// <summary><see cref="InfluxWriter"/> against a real influxd.</summary>
public sealed class InfluxWriterTests(InfluxServer influx) : IClassFixture<InfluxServer>
{
    [Fact]
    public async Task WriteAsync_MorePointsThanBatchSize_SplitsIntoFullBatchesAndStoresAll()
    {
        await using var writer = new InfluxWriter(new InfluxWriterOptions
        {
            Url = influx.Url, Database = influx.Database, BatchSize = 100, Linger = TimeSpan.FromSeconds(5),
        });

        await writer.WriteAsync(Enumerable.Range(0, 1_050).Select(i => new Point("batching", 1_000_000_000L * i).Tag("service", "s").Field("v", (long)i)));
        await writer.FlushAsync();

        Assert.Equal((1_050L, 11L, 0L), (writer.Stats.PointsWritten, writer.Stats.Batches, writer.Stats.PointsFailed));
        var count = Assert.Single(await influx.QueryAsync("SELECT count(v) FROM batching"));
        Assert.Equal(1_050, count.GetLong("count"));
    }

    [Fact]
    public async Task WriteAsync_FieldTypeConflict_ReportsPartialWriteWithoutRetry()
    {
        var failures = new List<InfluxWriteFailure>();
        await using var writer = new InfluxWriter(new InfluxWriterOptions
        {
            Url = influx.Url, Database = influx.Database, OnFailure = f => { lock (failures) failures.Add(f); },
        });
        await writer.WriteAsync(new Point("conflict", 1).Field("v", 1L));
        await writer.FlushAsync();

        await writer.WriteAsync(new Point("conflict", 2).Field("v", "text"));
        await writer.WriteAsync(new Point("conflict", 3).Field("v", 3L));
        await writer.FlushAsync();

        var failure = Assert.Single(failures);
        Assert.Equal((1, 400), (failure.Points, failure.StatusCode));
        Assert.Contains("field type conflict", failure.Error);
        Assert.Equal((2L, 1L, 0L), (writer.Stats.PointsWritten, writer.Stats.PointsFailed, writer.Stats.Retries));
    }

    [Fact]
    public async Task WriteAsync_UnknownDatabase_FailsWithoutRetry()
    {
        var failures = new List<InfluxWriteFailure>();
        await using var writer = new InfluxWriter(new InfluxWriterOptions
        {
            Url = influx.Url, Database = "does_not_exist", OnFailure = f => { lock (failures) failures.Add(f); },
        });

        await writer.WriteAsync(new Point("m", 1).Field("v", 1L));
        await writer.FlushAsync();

        Assert.Equal(404, Assert.Single(failures).StatusCode);
        Assert.Equal(0, writer.Stats.Retries);
    }

    [Fact]
    public async Task EnsureDatabaseAsync_NewName_CreatesWritableDatabase()
    {
        await using var writer = new InfluxWriter(new InfluxWriterOptions { Url = influx.Url, Database = "created_by_writer" });

        await writer.EnsureDatabaseAsync();
        await writer.EnsureDatabaseAsync();
        await writer.WriteAsync(new Point("m", 1).Field("v", 1L));
        await writer.FlushAsync();

        Assert.Equal((1L, 0L), (writer.Stats.PointsWritten, writer.Stats.PointsFailed));
        Assert.Contains(await influx.QueryAsync("SHOW DATABASES"), r => r.GetString("name") == "created_by_writer");
    }
}
