using Pipeline.TestSupport.Influx;
using Xunit;

namespace Pipeline.Sink.Tests.Influx;

public sealed class InfluxServerTests(InfluxServer influx) : IClassFixture<InfluxServer>
{
    [Fact]
    public async Task QueryAsync_AfterWrite_ReturnsWrittenRow()
    {
        await influx.WriteLinesAsync("fixture_check,service=a value=1.5,count=3i 1700000000000000000");

        var rows = await influx.QueryAsync("SELECT value, \"count\" FROM fixture_check WHERE service = 'a'");

        var row = Assert.Single(rows);
        Assert.Equal(1.5, row.GetDouble("value"));
        Assert.Equal(3, row.GetLong("count"));
        Assert.Equal(1700000000000000000L, row.TimeNs);
    }

    [Fact]
    public async Task QueryAsync_InvalidStatement_ThrowsWithInfluxError()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => influx.QueryAsync("SELEC nothing"));

        Assert.Contains("SELEC nothing", error.Message);
    }

    [Fact]
    public void Url_AfterStart_IsLoopback()
    {
        Assert.Equal("127.0.0.1", influx.Url.Host);
        Assert.NotEqual(8086, influx.Url.Port);
    }
}

public sealed class InfluxdLocatorTests
{
    [Fact]
    public void Require_InfluxdNotOnPathNorInfluxdVariable_ThrowsNamingThePackageAndTheTestCommand()
    {
        var found = InfluxdLocator.Find(name => name == "PATH" ? "/nonexistent-bin" : null, includeUsrBin: false);

        var error = Assert.Throws<InvalidOperationException>(() => InfluxdLocator.Require(found));

        Assert.Contains("'influxdb'", error.Message);
        Assert.Contains("scripts/test.sh", error.Message);
    }

    [Fact]
    public void Find_InfluxdVariablePointsAtMissingFile_ReturnsNull()
    {
        Assert.Null(InfluxdLocator.Find(name => name == "INFLUXD" ? "/nonexistent/influxd" : "/usr/bin", includeUsrBin: true));
    }
}
