using Pipeline.Sink.Influx;
using Xunit;

namespace Pipeline.Sink.Tests.Influx;

public sealed class InfluxWriterOptionsTests
{
    [Fact]
    public void WriteUri_Defaults_DatabaseAndNanosecondPrecision()
    {
        var options = new InfluxWriterOptions { Url = new Uri("http://influx:8086"), Database = "my db" };

        Assert.Equal("http://influx:8086/write?db=my%20db&precision=ns", options.WriteUri().AbsoluteUri);
    }

    [Fact]
    public void WriteUri_UserInfoInUrl_NeitherInUserInfoNorInQuery()
    {
        var options = new InfluxWriterOptions { Url = new Uri("http://alice:s%3Acret@influx:8086/base/"), RetentionPolicy = "week" };

        var uri = options.WriteUri();

        Assert.Equal("", uri.UserInfo);
        Assert.Equal("/base/write", uri.AbsolutePath);
        Assert.Equal("?db=pipeline&precision=ns&rp=week", uri.Query);
    }

    [Fact]
    public void QueryUri_ExplicitCredentials_NotInTheUrl()
    {
        var options = new InfluxWriterOptions { Url = new Uri("http://alice:x@influx:8086"), Username = "bob", Password = "pw" };

        Assert.Equal("http://influx:8086/query", options.QueryUri().AbsoluteUri);
    }
}
