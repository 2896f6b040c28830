using Pipeline.Sink.Influx;
using Pipeline.Sink.LineProtocol;
using Pipeline.TestSupport.Influx;
using Pipeline.TestSupport.Logging;
using Xunit;

namespace Pipeline.Sink.Tests.Influx;

/// <summary>The writer against a real influxd with authentication on: Basic credentials work, a wrong password fails loudly without the password in any log line, a non-admin writer works on an existing database.</summary>
public sealed class InfluxAuthServerTests : IAsyncLifetime
{
    private const string AdminPassword = "adm1n-s3cret";
    private InfluxServer _influx = null!;

    public async Task InitializeAsync() => _influx = await InfluxServer.StartAsync("authdb", ("admin", AdminPassword));

    public async Task DisposeAsync() => await ((IAsyncDisposable)_influx).DisposeAsync();

    [Fact]
    public async Task Writer_AdminWithBasicAuth_CreatesDatabaseAndWrites()
    {
        await using var writer = new InfluxWriter(new InfluxWriterOptions { Url = _influx.Url, Database = "authdb", Username = "admin", Password = AdminPassword });

        Assert.True(await writer.EnsureDatabaseAsync());
        await writer.WriteAsync(Enumerable.Range(0, 10).Select(i => new Point("auth", 1_000_000_000L * (i + 1)).Field("v", (long)i)));
        await writer.FlushAsync();

        Assert.Equal(10, writer.Stats.PointsWritten);
        Assert.Equal(10, Assert.Single(await _influx.QueryAsync("SELECT count(v) FROM auth")).GetLong("count"));
    }

    [Fact]
    public async Task Writer_WrongPassword_PointsFailedAndCounted_PasswordInNoLogLine()
    {
        var log = new RecordingLogger<InfluxWriter>();
        var failures = new List<InfluxWriteFailure>();
        await using (var writer = new InfluxWriter(new InfluxWriterOptions
        {
            Url = new Uri($"http://admin:wr0ng-pa55@127.0.0.1:{_influx.Url.Port}"), Database = "authdb", OnFailure = failures.Add,
        }, logger: log))
        {
            var create = await Assert.ThrowsAsync<HttpRequestException>(() => writer.EnsureDatabaseAsync());
            Assert.Contains("401", create.Message);
            Assert.DoesNotContain("wr0ng-pa55", create.Message);
            await writer.WriteAsync(new Point("auth", 1).Field("v", 1L));
            await writer.FlushAsync();
            Assert.Equal((0L, 1L), (writer.Stats.PointsWritten, writer.Stats.PointsFailed));
        }

        Assert.Equal(401, Assert.Single(failures).StatusCode);
        Assert.NotEmpty(log.Messages);
        Assert.All(log.Messages, m => Assert.DoesNotContain("wr0ng-pa55", m));
    }

    [Fact]
    public async Task Writer_UserWithWriteRightOnly_DatabaseNotCreated_WritesStillStored()
    {
        await _influx.ExecuteAsync("CREATE USER \"writer\" WITH PASSWORD 'w-pass'");
        await _influx.ExecuteAsync("GRANT WRITE ON \"authdb\" TO \"writer\"");
        await using var writer = new InfluxWriter(new InfluxWriterOptions { Url = _influx.Url, Database = "authdb", Username = "writer", Password = "w-pass" });

        Assert.False(await writer.EnsureDatabaseAsync());
        await writer.WriteAsync(new Point("limited", 1_000_000_000L).Field("v", 7L));
        await writer.FlushAsync();

        Assert.Equal(1, writer.Stats.PointsWritten);
        Assert.Equal(7, Assert.Single(await _influx.QueryAsync("SELECT v FROM limited")).GetLong("v"));
    }
}
