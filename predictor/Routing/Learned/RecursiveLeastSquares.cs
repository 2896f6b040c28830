namespace Pipeline.Predictor.Routing.Learned;

/// <summary>
/// Two-parameter recursive least squares with exponential forgetting (Haykin, Adaptive Filter Theory, ch. 10):
/// fits y = a + b x online, old windows weighted by lambda^age. O(1) per update, no history kept.
/// </summary>
public sealed class RecursiveLeastSquares(double forgetting, double initialCovariance = 1e4)
{
    private readonly double _maxTrace = 2 * initialCovariance;
    private double _a, _b;
    private double _p00 = initialCovariance, _p01, _p11 = initialCovariance;

    /// <summary>Intercept.</summary>
    public double A => _a;

    /// <summary>Slope.</summary>
    public double B => _b;

    /// <summary>Updates seen.</summary>
    public int Count { get; private set; }

    /// <summary>Adds one observation (x, y) with weight 1.</summary>
    public void Add(double x, double y)
    {
        // gain k = P phi / (lambda + phi' P phi), phi = (1, x)
        var p0 = _p00 + _p01 * x;
        var p1 = _p01 + _p11 * x;
        var denominator = forgetting + p0 + p1 * x;
        var k0 = p0 / denominator;
        var k1 = p1 / denominator;
        var error = y - (_a + _b * x);
        _a += k0 * error;
        _b += k1 * error;
        // P = (P - k phi' P) / lambda
        _p00 = (_p00 - k0 * p0) / forgetting;
        _p01 = (_p01 - k0 * p1) / forgetting;
        _p11 = (_p11 - k1 * p1) / forgetting;
        // Forgetting inflates P along directions the data do not excite (a replica at constant load): cap its
        // trace at the initial value so the estimate cannot wind up and jump on the next unusual window.
        var trace = _p00 + _p11;
        if (trace > _maxTrace)
        {
            var shrink = _maxTrace / trace;
            _p00 *= shrink;
            _p01 *= shrink;
            _p11 *= shrink;
        }
        Count++;
    }

    /// <summary>a + b x.</summary>
    public double Predict(double x) => _a + _b * x;
}
