namespace Pipeline.Predictor.Forecasting.Gbm;

/// <summary>
/// Features of the <c>gbm</c> forecaster for forecast origin t and horizon h. Values are y = log1p(requests per step),
/// expressed relative to the recent level L (mean y of the last 4 points) so the trees never need to extrapolate a
/// trend: the label is y[t+h] − L and the forecast is expm1(L + prediction).
/// Lags y[t..t−2]; rolling mean of 16 and 64 points; max, min and standard deviation of 16; same time yesterday and
/// last week at the target (smoothed over ±2 points where a day holds many points) and how the series moved from the
/// origin's time to the target's time then; whether those are held; hour-of-day sin/cos and day of week of the target; L.
/// </summary>
public static class GbmFeatures
{
    /// <summary>Number of features.</summary>
    public const int Count = 18;

    /// <summary>Points before the origin the features read (besides the seasonal lags).</summary>
    public const int Lookback = 64;

    /// <summary>
    /// Points each side of a seasonal lag averaged into it at <paramref name="dailySeason"/> points a day: 2 where a day holds
    /// at least 96 points (at most ±30 min), else 0.
    /// </summary>
    public static int SeasonalHalfWidth(int dailySeason) => Math.Min(2, dailySeason / 48);

    /// <summary>The variance-stabilised value of point <paramref name="index"/>.</summary>
    public static double Y(RateHistory history, long index) => Math.Log(1 + history[index] * history.Step.TotalSeconds);

    /// <summary>Recent level L at origin <paramref name="t"/>.</summary>
    public static double Level(RateHistory history, long t) => Mean(history, t - 3, t);

    /// <summary>Converts a prediction (label scale) at origin <paramref name="t"/> back to a rate.</summary>
    public static double ToRate(RateHistory history, long t, double prediction) =>
        Math.Max(0, Math.Exp(Level(history, t) + prediction) - 1) / history.Step.TotalSeconds;

    /// <summary>Whether the features of origin <paramref name="t"/> can be computed.</summary>
    public static bool CanCompute(RateHistory history, long t) => history.Holds(t - Lookback + 1) && history.Holds(t);

    /// <summary>Writes the features of origin <paramref name="t"/>, horizon <paramref name="h"/> to <paramref name="f"/>.</summary>
    public static void Write(RateHistory history, long t, int h, Span<float> f)
    {
        var level = Level(history, t);
        f[0] = (float)(Y(history, t) - level);
        f[1] = (float)(Y(history, t - 1) - level);
        f[2] = (float)(Y(history, t - 2) - level);
        double sum = 0, sumSq = 0, max = double.MinValue, min = double.MaxValue;
        for (var i = t - 15; i <= t; i++)
        {
            var y = Y(history, i);
            sum += y;
            sumSq += y * y;
            max = Math.Max(max, y);
            min = Math.Min(min, y);
        }
        var mean16 = sum / 16;
        f[3] = (float)(mean16 - level);
        f[4] = (float)(Mean(history, t - 63, t) - level);
        f[5] = (float)(max - level);
        f[6] = (float)(min - level);
        f[7] = (float)Math.Sqrt(Math.Max(0, sumSq / 16 - mean16 * mean16));
        f[12] = WriteSeasonal(history, t, h, history.DailySeason, level, f[8..]) ? 1 : 0;
        f[13] = WriteSeasonal(history, t, h, history.WeeklySeason, level, f[10..]) ? 1 : 0;
        WriteCalendar(history.TimeOf(t + h).UtcDateTime, f[14..]);
        f[17] = (float)level;
    }

    /// <summary>The calendar features of <paramref name="target"/> (f14–f16): hour-of-day sin and cos, day of week.</summary>
    public static void WriteCalendar(DateTime target, Span<float> f)
    {
        var angle = 2 * Math.PI * target.TimeOfDay.TotalHours / 24;
        f[0] = (float)Math.Sin(angle);
        f[1] = (float)Math.Cos(angle);
        f[2] = (int)target.DayOfWeek;
    }

    private static bool WriteSeasonal(RateHistory history, long t, int h, int season, double level, Span<float> f)
    {
        var half = SeasonalHalfWidth(history.DailySeason);
        var atTarget = t + h - season;
        var atOrigin = t - season;
        if (!history.Holds(atOrigin - half) || atTarget + half > t)
        {
            f[0] = 0;
            f[1] = 0;
            return false;
        }
        var target = Mean(history, atTarget - half, atTarget + half);
        f[0] = (float)(target - level);
        f[1] = (float)(target - Mean(history, atOrigin - half, atOrigin + half));
        return true;
    }

    private static double Mean(RateHistory history, long from, long to)
    {
        var sum = 0.0;
        for (var i = from; i <= to; i++) sum += Y(history, i);
        return sum / (to - from + 1);
    }
}
