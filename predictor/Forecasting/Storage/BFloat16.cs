namespace Pipeline.Predictor.Forecasting.Storage;

/// <summary>
/// bfloat16: the upper 16 bits of a float32 (sign, the whole 8-bit exponent, 7 stored mantissa bits), rounded to nearest
/// even. It keeps float32's range, so any rate fits (float16 stops at 65,504), at a relative rounding error of at most
/// 2^-8 (0.4%). Used for the bucket means of older history, which only seasonal lags and training read.
/// </summary>
internal static class BFloat16
{
    public static ushort Encode(double value)
    {
        var single = (float)value;
        var bits = BitConverter.SingleToUInt32Bits(single);
        if (float.IsNaN(single)) return (ushort)(bits >> 16 | 0x40);
        return (ushort)((bits + 0x7FFF + (bits >> 16 & 1)) >> 16);
    }

    public static float Decode(ushort value) => BitConverter.UInt32BitsToSingle((uint)value << 16);
}
