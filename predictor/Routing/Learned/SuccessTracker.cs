namespace Pipeline.Predictor.Routing.Learned;

/// <summary>
/// Guard against the fast-failure trap: an exponentially weighted success share per replica, updated per response
/// (not per second), so a replica that answers errors quickly, and so looks idle to least-request, loses its weight
/// within a few dozen responses. <see cref="Factor"/> multiplies the replica's weight.
/// </summary>
public sealed class SuccessTracker
{
    /// <summary>Responses after which an old observation counts half. Default 20.</summary>
    public const double HalfLifeResponses = 20;

    private static readonly double KeepPerResponse = Math.Pow(0.5, 1 / HalfLifeResponses);

    /// <summary>Smoothed success share (0..1), 1 before any response.</summary>
    public double Rate { get; private set; } = 1;

    /// <summary>Folds in a batch of responses.</summary>
    public void Record(long successes, long errors)
    {
        var n = successes + errors;
        if (n <= 0) return;
        var keep = n == 1 ? KeepPerResponse : Math.Pow(KeepPerResponse, n);
        Rate = Rate * keep + (double)successes / n * (1 - keep);
    }

    /// <summary>
    /// Forgets the history (rate 1). Called when the replica is ejected: the ejection now keeps it out, and when it
    /// returns it must get traffic again to show whether it healed (otherwise a healed replica would starve forever).
    /// </summary>
    public void Reset() => Rate = 1;

    /// <summary>Weight multiplier: success share to the power <paramref name="exponent"/> (4 makes 50% success worth 6%).</summary>
    public double Factor(double exponent) => Rate >= 1 ? 1 : Math.Pow(Rate, exponent);
}
