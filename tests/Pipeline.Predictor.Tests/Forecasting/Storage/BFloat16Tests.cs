using Pipeline.Predictor.Forecasting.Storage;

namespace Pipeline.Predictor.Tests.Forecasting.Storage;

public class BFloat16Tests
{
    private static double RoundTrip(double value) => BFloat16.Decode(BFloat16.Encode(value));

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(217.0)]
    [InlineData(110.5)]
    [InlineData(-3.25)]
    [InlineData(1.5e-30)]
    public void RoundTrip_EightSignificantBitsOrFewer_Exact(double value)
    {
        var exact = (double)BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits((float)value) & 0xFFFF0000);
        Assert.Equal(exact, RoundTrip(exact));
    }

    [Theory]
    [InlineData(189.5, 190.0)] // a tie between 189 and 190: to the even mantissa
    [InlineData(188.5, 188.0)]
    [InlineData(189.6, 190.0)]
    [InlineData(189.4, 189.0)]
    public void Encode_RoundsToNearestEven(double value, double expected) => Assert.Equal(expected, RoundTrip(value));

    [Theory]
    [InlineData(70_000.0)] // beyond float16's 65,504
    [InlineData(3.7e6)]
    [InlineData(1.23456e12)]
    [InlineData(0.001234)]
    public void RoundTrip_AnyRate_WithinTwoToTheMinusEight(double value) =>
        Assert.InRange(Math.Abs(RoundTrip(value) - value) / value, 0, 1.0 / 256);

    [Fact]
    public void RoundTrip_NonFinite_KeptNonFinite()
    {
        Assert.True(double.IsNaN(RoundTrip(double.NaN)));
        Assert.Equal(double.PositiveInfinity, RoundTrip(double.PositiveInfinity));
        Assert.Equal(double.NegativeInfinity, RoundTrip(double.NegativeInfinity));
    }
}
