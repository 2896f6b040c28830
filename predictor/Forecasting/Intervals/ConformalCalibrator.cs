namespace Pipeline.Predictor.Forecasting.Intervals;

/// <summary>
/// Split-conformal prediction interval of one horizon from the most recent residuals on the log scale
/// (r = y − ŷ with y = log1p(requests per step)), so the interval is multiplicative and asymmetric. With n residuals
/// and miscoverage α, the bounds are the ⌊(n+1)α/2⌋-th and ⌈(n+1)(1−α/2)⌉-th smallest residuals (Vovk et al.;
/// Lei et al. 2018, "Distribution-free predictive inference for regression"), giving coverage ≥ 1 − α under exchangeability.
/// Locally adaptive variant (<c>localFraction</c> &lt; 1): only the residuals of the forecasts whose level (ŷ) was
/// nearest the current one are used — a Mondrian-style split by level, because relative noise shrinks as the rate
/// grows (Poisson-like counts), so one global quantile is too wide at busy hours and too narrow at quiet ones.
/// Residuals and levels are stored as float16 when <c>compact</c>; the work arrays of <see cref="Bounds"/> are shared by
/// every calibrator on a thread (they hold nothing between calls).
/// </summary>
internal sealed class ConformalCalibrator(int window, double coverage, double localFraction = 1.0, bool compact = false)
{
    [ThreadStatic] private static double[]? s_sorted, s_distance, s_scratch;

    private readonly RollingWindow _residuals = new(window, compact);
    private readonly RollingWindow _levels = new(window, compact);
    private bool _dirty = true;
    private double _key = double.NaN;
    private double _low, _high, _tail;
    private double? _tailProbability;

    public int Count => _residuals.Count;

    /// <summary>Adds the residual of a forecast made at log level <paramref name="level"/>.</summary>
    public void Add(double residual, double level = 0)
    {
        _residuals.Add(residual);
        _levels.Add(level);
        _dirty = true;
    }

    /// <summary>Lower and upper residual quantiles (log scale) for a forecast at log level <paramref name="level"/>; NaN while empty.</summary>
    public (double Low, double High) Bounds(double level = 0)
    {
        var (low, high, _) = Calibrate(level, null);
        return (low, high);
    }

    /// <summary>
    /// The interval's bounds and, with <paramref name="tailProbability"/>, the one-sided tail quantile (see
    /// <see cref="Quantile"/>; NaN without it) for a forecast at log level <paramref name="level"/>, from one pick of the
    /// nearest residuals; all NaN while empty (the order statistics do not depend on the order the picks leave the work
    /// array in). <see cref="Bounds"/> and <see cref="Quantile"/> are its parts.
    /// </summary>
    public (double Low, double High, double Tail) Calibrate(double level, double? tailProbability)
    {
        var n = _residuals.Count;
        if (n == 0) return (double.NaN, double.NaN, double.NaN);
        if (!_dirty && _tailProbability == tailProbability && (localFraction >= 1 || level == _key)) return (_low, _high, _tail);
        var span = Nearest(level);
        var k = span.Length;
        var alpha = 1 - coverage;
        var lo = Math.Clamp((int)Math.Floor((k + 1) * alpha / 2), 1, k) - 1;
        var hi = Math.Clamp((int)Math.Ceiling((k + 1) * (1 - alpha / 2)), 1, k) - 1;
        var at = tailProbability is { } p ? Math.Clamp((int)Math.Ceiling((k + 1) * p), 1, k) - 1 : -1;
        if (hi >= lo && !HasNaN(span))
        {
            // Only three order statistics are needed: select them (the values a full sort would put there) in O(k). After
            // the first two picks, positions up to lo hold the lo+1 smallest, lo..hi the next ones, and the rest the largest.
            _low = Select(span, lo);
            _high = Select(span[lo..], hi - lo);
            _tail = at < 0 ? double.NaN
                : at >= hi ? Select(span[hi..], at - hi)
                : at >= lo ? Select(span[lo..(hi + 1)], at - lo)
                : Select(span[..(lo + 1)], at);
        }
        else
        {
            span.Sort();
            _low = span[lo];
            _high = span[hi];
            _tail = at < 0 ? double.NaN : span[at];
        }
        _dirty = false;
        _key = level;
        _tailProbability = tailProbability;
        return (_low, _high, _tail);
    }

    /// <summary>
    /// The residuals that calibrate a forecast at log level <paramref name="level"/>, in the shared work array: all of
    /// them, or with <c>localFraction</c> &lt; 1 the k nearest in level (at least 30).
    /// </summary>
    private Span<double> Nearest(double level)
    {
        var n = _residuals.Count;
        var span = Work(ref s_sorted, n);
        _residuals.CopyTo(span);
        if (localFraction >= 1 || n < 3) return span;
        var distance = Work(ref s_distance, n);
        _levels.CopyTo(distance);
        for (var i = 0; i < n; i++) distance[i] = Math.Abs(distance[i] - level);
        var k = Math.Max(Math.Min(n, 30), (int)Math.Ceiling(n * localFraction));
        // Picked in O(n) (this runs for every horizon at every decision); on a NaN distance, sorted.
        if (k < n && !NearestByCut(distance, span, k, _residuals.NewestSlot)) distance.Sort(span);
        return span[..k];
    }

    /// <summary>
    /// The one-sided residual quantile at <paramref name="probability"/> (the ⌈(k+1)p⌉-th smallest of the k residuals
    /// <see cref="Bounds"/> uses for <paramref name="level"/>, the largest when fewer); NaN while empty.
    /// </summary>
    public double Quantile(double probability, double level = 0) => Calibrate(level, probability).Tail;

    /// <summary>
    /// Moves the residuals of the <paramref name="k"/> smallest distances to the front of <paramref name="residuals"/>:
    /// every one nearer than the k-th smallest distance, then of those at exactly that distance the newest, walking back
    /// from <paramref name="newest"/> (the slot of the newest residual; the ring wraps behind it). A tie at the cut is
    /// common (levels are rounded, and the same level recurs); recent residuals describe the forecaster as it is now, so
    /// they win it. False (nothing moved) on a NaN distance.
    /// </summary>
    private static bool NearestByCut(ReadOnlySpan<double> distance, Span<double> residuals, int k, int newest)
    {
        var n = distance.Length;
        var a = Work(ref s_scratch, n);
        distance.CopyTo(a);
        if (HasNaN(a)) return false;
        var cut = Select(a, k - 1);
        var j = 0;
        for (var i = 0; i < n; i++)
        {
            if (distance[i] < cut) a[j++] = residuals[i];
        }
        for (var back = 0; back < n && j < k; back++)
        {
            var i = (newest - back + n) % n;
            if (distance[i] == cut) a[j++] = residuals[i];
        }
        a[..k].CopyTo(residuals);
        return true;
    }

    /// <summary>The first <paramref name="n"/> elements of this thread's work array, grown when too short.</summary>
    private static Span<double> Work(ref double[]? array, int n)
    {
        if (array is null || array.Length < n) array = new double[Math.Max(n, 512)];
        return array.AsSpan(0, n);
    }

    /// <summary>Quickselect (Hoare partition, median-of-three pivot): the <paramref name="nth"/> smallest, with every later element not smaller.</summary>
    private static double Select(Span<double> a, int nth)
    {
        int lo = 0, hi = a.Length - 1;
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            var pivot = Math.Max(Math.Min(a[lo], a[mid]), Math.Min(Math.Max(a[lo], a[mid]), a[hi]));
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }
            if (nth <= j) hi = j;
            else if (nth >= i) lo = i;
            else return a[nth];
        }
        return a[nth];
    }

    private static bool HasNaN(ReadOnlySpan<double> values)
    {
        foreach (var v in values)
        {
            if (double.IsNaN(v)) return true;
        }
        return false;
    }
}
