namespace Pipeline.Features.Normalization;

/// <summary>Online mean and variance by Welford's algorithm (Welford 1962; Knuth TAOCP vol. 2, 4.2.2).</summary>
public sealed class RunningStats
{
    private double _m2;

    /// <summary>Values added so far.</summary>
    public long Count { get; private set; }

    /// <summary>Mean of the values added; 0 before the first.</summary>
    public double Mean { get; private set; }

    /// <summary>Sample variance (n - 1 denominator); 0 with fewer than two values.</summary>
    public double Variance => Count > 1 ? _m2 / (Count - 1) : 0;

    /// <summary>Sample standard deviation.</summary>
    public double StandardDeviation => Math.Sqrt(Variance);

    /// <summary>Adds a value; non-finite values are ignored.</summary>
    public void Add(double value)
    {
        if (!double.IsFinite(value)) return;
        Count++;
        var delta = value - Mean;
        Mean += delta / Count;
        _m2 += delta * (value - Mean);
    }

    /// <summary>(value - mean) / standard deviation; 0 while fewer than two values were seen or the deviation is 0.</summary>
    public double ZScore(double value)
    {
        var sd = StandardDeviation;
        return Count < 2 || sd <= 1e-12 ? 0 : (value - Mean) / sd;
    }
}
