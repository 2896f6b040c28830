using Pipeline.Sink.Influx;
using Pipeline.Sink.LineProtocol;
using Pipeline.TestSupport.Influx;
using Xunit;

namespace Pipeline.Sink.Tests.LineProtocol;

/// <summary>Writes tricky names and values through <see cref="InfluxWriter"/> into a real influxd and reads them back by InfluxQL.</summary>
public sealed class EscapingRoundTripTests(InfluxServer influx) : IClassFixture<InfluxServer>
{
    public static TheoryData<string, string, string, string, string> Tricky => new()
    {
        { "plain", "k", "v", "f", "text" },
        { "with space", "tag key", "tag value", "field key", "two words" },
        { "with,comma", "k,1", "v,1", "f,1", "a,b" },
        { "eq=in name", "k=1", "v=1", "f=1", "x=y" },
        { "quote\"m", "k\"q", "v\"q", "f\"q", "say \"hi\"" },
        { "back\\slash", "k\\b", "v\\b", "f\\b", "C:\\temp\\" },
        { "unicode µs ✓", "ключ", "значение ✓", "поле", "ünïcödé ✓ 🚀" },
        { "all , =\"'\\x", "t , =\"'\\x", "v , =\"'\\x", "f , =\"'\\x", "s , =\"'\\ end" },
    };

    [Theory]
    [MemberData(nameof(Tricky))]
    public async Task Write_TrickyNamesAndValues_ReadBackUnchanged(string measurement, string tagKey, string tagValue, string fieldKey, string text)
    {
        var ts = 1_700_000_000_000_000_000L + Random.Shared.NextInt64(1, 1_000_000);
        await using (var writer = new InfluxWriter(new InfluxWriterOptions { Url = influx.Url, Database = influx.Database }))
        {
            await writer.WriteAsync(new Point(measurement, ts).Tag(tagKey, tagValue).Field(fieldKey, text).Field("n", 7L));
            await writer.FlushAsync();
            Assert.Equal(1, writer.Stats.PointsWritten);
        }

        var rows = await influx.QueryAsync(
            $"SELECT {Ident(fieldKey)}, n, {Ident(tagKey)} FROM {Ident(measurement)} WHERE {Ident(tagKey)} = {Literal(tagValue)} AND time = {ts}");

        var row = Assert.Single(rows);
        Assert.Equal(measurement, row.Series);
        Assert.Equal(text, row.GetString(fieldKey));
        Assert.Equal(tagValue, row.GetString(tagKey));
        Assert.Equal(7, row.GetLong("n"));
    }

    [Fact]
    public async Task Write_BackslashBeforeSeparator_StoredAsSlashAndRestOfLineIntact()
    {
        var ts = 1_620_000_000_000_000_000L;
        await using (var writer = new InfluxWriter(new InfluxWriterOptions { Url = influx.Url, Database = influx.Database }))
        {
            await writer.WriteAsync(new Point("trail\\", ts).Tag("k\\", "v\\").Tag("k2", "a\\ b").Field("f\\", 1L).Field("g", 2L));
            await writer.FlushAsync();
            Assert.Equal(1, writer.Stats.PointsWritten);
        }

        var rows = await influx.QueryAsync("SELECT \"f/\", g, \"k/\", k2 FROM \"trail/\"");

        var row = Assert.Single(rows);
        Assert.Equal(("v/", "a/ b", 1L, 2L), (row.GetString("k/"), row.GetString("k2"), row.GetLong("f/"), row.GetLong("g")));
    }

    [Fact]
    public async Task Write_FloatExtremes_ReadBackExactly()
    {
        double[] values = [1e-300, 1e300, -0.1, 123456789.123456789, double.Epsilon * 1e10];
        var ts = 1_600_000_000_000_000_000L;
        await using (var writer = new InfluxWriter(new InfluxWriterOptions { Url = influx.Url, Database = influx.Database }))
        {
            for (var i = 0; i < values.Length; i++) await writer.WriteAsync(new Point("float_extremes", ts + i).Field("v", values[i]));
            await writer.FlushAsync();
        }

        var rows = await influx.QueryAsync("SELECT v FROM float_extremes ORDER BY time");

        Assert.Equal(values, rows.Select(r => r.GetDouble("v")));
    }

    [Fact]
    public async Task Write_NaNField_OtherFieldsStoredAndNaNFieldAbsent()
    {
        var ts = 1_650_000_000_000_000_000L;
        await using (var writer = new InfluxWriter(new InfluxWriterOptions { Url = influx.Url, Database = influx.Database }))
        {
            await writer.WriteAsync(new Point("nan_check", ts).Field("missing", double.NaN).Field("present", 2.0));
            await writer.WriteAsync(new Point("nan_check", ts + 1).Field("missing", double.PositiveInfinity));
            await writer.FlushAsync();
            Assert.Equal(1, writer.Stats.PointsWritten);
            Assert.Equal(1, writer.Stats.PointsSkipped);
        }

        var keys = await influx.QueryAsync("SHOW FIELD KEYS FROM nan_check");

        Assert.Equal(["present"], keys.Select(r => r.GetString("fieldKey")));
    }

    private static string Ident(string name) => "\"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Literal(string value) => "'" + value.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
