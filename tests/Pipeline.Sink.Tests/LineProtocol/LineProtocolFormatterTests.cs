using Pipeline.Sink.LineProtocol;
using Xunit;

namespace Pipeline.Sink.Tests.LineProtocol;

public sealed class LineProtocolFormatterTests
{
    [Fact]
    public void Format_MeasurementWithCommaAndSpace_EscapesBoth()
    {
        var line = LineProtocolFormatter.Format([new Point("cpu load,total", 1).Field("v", 1.0)]);

        Assert.Equal("cpu\\ load\\,total v=1 1\n", line);
    }

    [Fact]
    public void Format_MeasurementWithEqualsSign_LeavesItUnescaped()
    {
        var line = LineProtocolFormatter.Format([new Point("a=b", 1).Field("v", 1.0)]);

        Assert.Equal("a=b v=1 1\n", line);
    }

    [Fact]
    public void Format_TagKeysValuesAndFieldKeys_EscapeCommaEqualsAndSpace()
    {
        var point = new Point("m", 5).Tag("tag key,=", "va l,u=e").Field("field key,=", 2.5);

        Assert.Equal("m,tag\\ key\\,\\==va\\ l\\,u\\=e field\\ key\\,\\==2.5 5\n", LineProtocolFormatter.Format([point]));
    }

    [Fact]
    public void Format_StringField_QuotesAndEscapesQuotesAndBackslashes()
    {
        var point = new Point("m", 5).Field("s", "say \"hi\" C:\\dir, a=b");

        Assert.Equal("m s=\"say \\\"hi\\\" C:\\\\dir, a=b\" 5\n", LineProtocolFormatter.Format([point]));
    }

    [Fact]
    public void Format_IntegerBooleanAndFloat_UseLineProtocolLiterals()
    {
        var point = new Point("m", 7).Field("i", 42L).Field("n", -3).Field("b", true).Field("f", false).Field("x", 0.1);

        Assert.Equal("m i=42i,n=-3i,b=true,f=false,x=0.1 7\n", LineProtocolFormatter.Format([point]));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Format_NonFiniteField_LeavesOnlyThatFieldOut(double value)
    {
        var point = new Point("m", 1).Field("bad", value).Field("good", 1.5);

        Assert.Equal("m good=1.5 1\n", LineProtocolFormatter.Format([point]));
    }

    [Fact]
    public void Append_PointWithOnlyNonFiniteFields_WritesNothingAndReturnsFalse()
    {
        var buffer = new System.Text.StringBuilder();

        var written = LineProtocolFormatter.Append(buffer, new Point("m", 1).Field("a", double.NaN));

        Assert.False(written);
        Assert.Equal(0, buffer.Length);
    }

    [Fact]
    public void Format_Tags_SortedByKeyAndEmptyValuesLeftOut()
    {
        var point = new Point("m", 1).Tag("zeta", "z").Tag("alpha", "a").Tag("empty", "").Field("v", 1L);

        Assert.Equal("m,alpha=a,zeta=z v=1i 1\n", LineProtocolFormatter.Format([point]));
    }

    [Fact]
    public void Format_LineBreakInTagValue_BecomesEscapedSpace()
    {
        var point = new Point("m", 1).Tag("t", "a\nb").Field("v", 1L);

        Assert.Equal("m,t=a\\ b v=1i 1\n", LineProtocolFormatter.Format([point]));
    }

    [Fact]
    public void Format_BackslashInsideName_KeptLiterally()
    {
        var point = new Point("a\\b", 1).Tag("t", "x\\y").Field("v", 1L);

        Assert.Equal("a\\b,t=x\\y v=1i 1\n", LineProtocolFormatter.Format([point]));
    }

    [Fact]
    public void Format_BackslashBeforeSpecialOrAtEnd_WrittenAsSlash()
    {
        var point = new Point("m\\", 1).Tag("t", "x\\ y\\").Field("v", 1L);

        Assert.Equal("m/,t=x/\\ y/ v=1i 1\n", LineProtocolFormatter.Format([point]));
    }

    [Fact]
    public void Point_DateTimeOffset_ConvertsToUnixNanoseconds()
    {
        var point = new Point("m", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123));

        Assert.Equal(1_700_000_000_123_000_000L, point.TimestampNs);
    }

    [Fact]
    public void Field_SameKeyTwice_KeepsLastValue()
    {
        var point = new Point("m", 1).Field("v", 1L).Field("v", 2L);

        Assert.Equal("m v=2i 1\n", LineProtocolFormatter.Format([point]));
    }
}
