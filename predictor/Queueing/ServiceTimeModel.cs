namespace Pipeline.Predictor.Queueing;

/// <summary>Shape of a service-time distribution in the queueing model.</summary>
public enum ServiceTimeShape
{
    /// <summary>Exponential (cv 1): the M in M/M/c.</summary>
    Exponential,

    /// <summary>Lognormal with the model's mean and cv.</summary>
    LogNormal,

    /// <summary>Every request takes the mean (cv 0).</summary>
    Deterministic,
}

/// <summary>A service-time distribution by its mean and coefficient of variation, with its CDF (the simulator's distributions, analytically).</summary>
/// <param name="MeanSeconds">Mean service time in seconds.</param>
/// <param name="Cv">Coefficient of variation (standard deviation / mean); 1 for exponential, 0 for deterministic.</param>
/// <param name="Shape">The distribution's family.</param>
public sealed record ServiceTimeModel(double MeanSeconds, double Cv, ServiceTimeShape Shape)
{
    /// <summary>The simulator's evaluation convention: lognormal for cv &gt; 0, else deterministic.</summary>
    public static ServiceTimeModel For(double meanSeconds, double cv) =>
        cv > 0 ? new(meanSeconds, cv, ServiceTimeShape.LogNormal) : new(meanSeconds, 0, ServiceTimeShape.Deterministic);

    /// <summary>Exponential service times with the given mean.</summary>
    public static ServiceTimeModel Exponential(double meanSeconds) => new(meanSeconds, 1, ServiceTimeShape.Exponential);

    /// <summary>P(S ≤ <paramref name="seconds"/>).</summary>
    public double Cdf(double seconds)
    {
        if (seconds <= 0) return 0;
        switch (Shape)
        {
            case ServiceTimeShape.Exponential:
                return 1 - Math.Exp(-seconds / MeanSeconds);
            case ServiceTimeShape.Deterministic:
                return seconds >= MeanSeconds ? 1 : 0;
            default:
                // ln S ~ N(mu, sigma^2) with sigma^2 = ln(1 + cv^2), mu = ln(mean) - sigma^2 / 2.
                var sigma2 = Math.Log(1 + Cv * Cv);
                var mu = Math.Log(MeanSeconds) - sigma2 / 2;
                return NormalDistribution.Cdf((Math.Log(seconds) - mu) / Math.Sqrt(sigma2));
        }
    }
}
