namespace Pipeline.Predictor.Forecasting;

/// <summary>
/// Seasonal naive: the rate at the same time yesterday, or at the same time last week when a week is held and that
/// variant's mean absolute error over the last day was lower. Needs one day (plus the horizon) of history. The choice
/// costs a pass over a day of points, so it is remade only every 1/96 day of new points (every 15 min of data).
/// </summary>
internal sealed class SeasonalNaiveForecaster : IForecaster
{
    private long _chosenAt = -1;
    private int _season;

    public string Name => ForecasterNames.SeasonalNaive;

    public bool TryForecast(RateHistory history, ReadOnlySpan<int> horizons, Span<double> output)
    {
        if (_chosenAt < 0 || history.Count < _chosenAt || history.Count - _chosenAt >= Math.Max(1, history.DailySeason / 96) || _season == 0)
        {
            _season = ChooseSeason(history);
            _chosenAt = history.Count;
        }
        var season = _season;
        if (season == 0) return false;
        var last = history.LastIndex;
        for (var i = 0; i < horizons.Length; i++)
        {
            var source = last + horizons[i] - season;
            while (source > last) source -= season;
            if (!history.Holds(source)) return false;
            output[i] = history[source];
        }
        return true;
    }

    /// <summary>The season (points) to copy from: weekly when held and recently better, else daily; 0 when not even a day is held.</summary>
    internal static int ChooseSeason(RateHistory history)
    {
        int daily = history.DailySeason, weekly = history.WeeklySeason;
        if (history.Available <= daily) return 0;
        if (history.Available <= weekly) return daily;
        var span = Math.Min(daily, history.Available - weekly);
        double dailyError = 0, weeklyError = 0;
        for (var i = history.LastIndex - span + 1; i <= history.LastIndex; i++)
        {
            dailyError += Math.Abs(history[i] - history[i - daily]);
            weeklyError += Math.Abs(history[i] - history[i - weekly]);
        }
        return weeklyError < dailyError ? weekly : daily;
    }
}
