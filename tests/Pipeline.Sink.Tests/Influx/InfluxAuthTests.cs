using System.Text;
using Pipeline.Sink.Influx;
using Pipeline.Sink.LineProtocol;
using Xunit;

namespace Pipeline.Sink.Tests.Influx;

/// <summary>Credentials go in the Authorization header, never in a URL; printed URLs are redacted.</summary>
public sealed class InfluxAuthTests
{
    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    [Fact]
    public void Header_TokenWinsOverUserAndPassword()
    {
        var options = new InfluxWriterOptions { Url = new Uri("http://alice:pw@influx:8086"), Token = "t0k", Username = "bob", Password = "x" };

        Assert.Equal("Token t0k", InfluxAuth.Header(options)!.ToString());
        options.TokenScheme = "Bearer";
        Assert.Equal("Bearer t0k", InfluxAuth.Header(options)!.ToString());
        Assert.Equal("bearer", InfluxAuth.Describe(options));
    }

    [Fact]
    public void Header_UserInfoOrExplicitUser_IsHttpBasic_AndNoneWithoutCredentials()
    {
        Assert.Equal(Basic("alice", "s:cret"), InfluxAuth.Header(new InfluxWriterOptions { Url = new Uri("http://alice:s%3Acret@influx:8086") })!.ToString());
        Assert.Equal(Basic("bob", "pw"), InfluxAuth.Header(new InfluxWriterOptions { Url = new Uri("http://alice:x@influx:8086"), Username = "bob", Password = "pw" })!.ToString());
        Assert.Null(InfluxAuth.Header(new InfluxWriterOptions()));
        Assert.Equal("user bob", InfluxAuth.Describe(new InfluxWriterOptions { Username = "bob", Password = "pw" }));
    }

    [Fact]
    public void Header_UnknownTokenScheme_Rejected() =>
        Assert.Contains("must be one of Token, Bearer", Assert.Throws<ArgumentException>(() => InfluxAuth.Header(new InfluxWriterOptions { Token = "t", TokenScheme = "Magic" })).Message);

    [Theory]
    [InlineData("http://alice:s3cret@influx:8086/", "http://alice:***@influx:8086/")]
    [InlineData("http://influx:8086/?u=alice&p=s3cret&db=x", "http://influx:8086/?u=alice&p=***&db=x")]
    [InlineData("http://influx:8086/?token=abc", "http://influx:8086/?token=***")]
    [InlineData("not a url s3cret", "(not a URL)")]
    public void Redact_HidesPasswordsAndTokens(string url, string expected) => Assert.Equal(expected, InfluxAuth.Redact(url));

    [Fact]
    public async Task Writer_SendsTheTokenHeader_AndNoCredentialsInTheUrl()
    {
        using var server = new ScriptedHttpServer(false);
        await using (var writer = new InfluxWriter(new InfluxWriterOptions { Url = new Uri($"http://alice:pw@127.0.0.1:{server.Url.Port}"), Token = "t0k", Linger = TimeSpan.Zero }))
        {
            await writer.EnsureDatabaseAsync();
            await writer.WriteAsync(new Point("m", 1).Field("v", 1L));
            await writer.FlushAsync();
        }

        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("Token t0k", r.Authorization));
        Assert.All(server.Requests, r => Assert.DoesNotContain("pw", r.Url, StringComparison.Ordinal));
        Assert.All(server.Requests, r => Assert.DoesNotContain("alice", r.Url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Writer_WithOrganization_WritesToApiV2WithBucketAndToken_CreatesNothing()
    {
        using var server = new ScriptedHttpServer(false);
        await using (var writer = new InfluxWriter(new InfluxWriterOptions
        {
            Url = new Uri($"http://127.0.0.1:{server.Url.Port}"), Database = "metrics bucket", Organization = "acme", Token = "t0k", Linger = TimeSpan.Zero,
        }))
        {
            Assert.False(await writer.EnsureDatabaseAsync());
            await writer.WriteAsync(new Point("m", 1).Field("v", 1L));
            await writer.FlushAsync();
            Assert.Equal(1, writer.Stats.PointsWritten);
        }

        var request = Assert.Single(server.Requests);
        Assert.Equal("Token t0k", request.Authorization);
        Assert.EndsWith("/api/v2/write?org=acme&bucket=metrics bucket&precision=ns", Uri.UnescapeDataString(request.Url));
        Assert.Equal("m v=1i 1", Assert.Single(server.Bodies).Trim());
    }
}
