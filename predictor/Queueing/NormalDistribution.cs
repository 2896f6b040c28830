namespace Pipeline.Predictor.Queueing;

/// <summary>The standard normal CDF (Abramowitz &amp; Stegun 26.2.17, absolute error below 7.5e-8).</summary>
internal static class NormalDistribution
{
    public static double Cdf(double z)
    {
        if (z < 0) return 1 - Cdf(-z);
        var t = 1 / (1 + 0.2316419 * z);
        var poly = t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        var density = Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI);
        return 1 - density * poly;
    }
}
