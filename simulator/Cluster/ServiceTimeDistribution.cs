using Pipeline.Simulator.Randomness;

namespace Pipeline.Simulator.Cluster;

/// <summary>Distribution of a request's service time at speed 1, in seconds. Create with the static factories.</summary>
public abstract class ServiceTimeDistribution
{
    /// <summary>Mean service time in seconds.</summary>
    public abstract double MeanSeconds { get; }

    /// <summary>Draws one service time in seconds.</summary>
    public abstract double Sample(SimRandom random);

    /// <summary>Short description for reports, e.g. <c>lognormal(mean 100 ms, cv 0.5)</c>.</summary>
    public abstract override string ToString();

    /// <summary>Exponential service times (the M in M/M/c).</summary>
    public static ServiceTimeDistribution Exponential(double meanSeconds) => new ExponentialServiceTime(Positive(meanSeconds));

    /// <summary>Lognormal service times with the given mean and coefficient of variation (standard deviation / mean).</summary>
    public static ServiceTimeDistribution LogNormal(double meanSeconds, double coefficientOfVariation) =>
        new LogNormalServiceTime(Positive(meanSeconds), coefficientOfVariation >= 0 ? coefficientOfVariation : throw new ArgumentOutOfRangeException(nameof(coefficientOfVariation)));

    /// <summary>Every request takes exactly the mean.</summary>
    public static ServiceTimeDistribution Deterministic(double meanSeconds) => new DeterministicServiceTime(Positive(meanSeconds));

    private static double Positive(double mean) => mean > 0 && double.IsFinite(mean) ? mean : throw new ArgumentOutOfRangeException(nameof(mean), mean, "mean service time must be positive");
}

internal sealed class ExponentialServiceTime(double mean) : ServiceTimeDistribution
{
    public override double MeanSeconds => mean;
    public override double Sample(SimRandom random) => -Math.Log(1.0 - random.NextDouble()) * mean;
    public override string ToString() => $"exponential(mean {mean * 1000:0.#} ms)";
}

internal sealed class DeterministicServiceTime(double mean) : ServiceTimeDistribution
{
    public override double MeanSeconds => mean;
    public override double Sample(SimRandom random) => mean;
    public override string ToString() => $"deterministic({mean * 1000:0.#} ms)";
}

/// <summary>Lognormal: sigma^2 = ln(1 + cv^2), mu = ln(mean) - sigma^2 / 2, so the mean is exact.</summary>
internal sealed class LogNormalServiceTime : ServiceTimeDistribution
{
    private readonly double _mean, _cv, _mu, _sigma;

    public LogNormalServiceTime(double mean, double cv)
    {
        _mean = mean;
        _cv = cv;
        var variance = Math.Log(1 + cv * cv);
        _sigma = Math.Sqrt(variance);
        _mu = Math.Log(mean) - variance / 2;
    }

    public override double MeanSeconds => _mean;
    public override double Sample(SimRandom random) => Math.Exp(_mu + _sigma * random.NextNormal());
    public override string ToString() => $"lognormal(mean {_mean * 1000:0.#} ms, cv {_cv:0.##})";
}
