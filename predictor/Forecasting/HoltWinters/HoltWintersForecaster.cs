using System.Diagnostics;
using Pipeline.Predictor.Forecasting.Training;

namespace Pipeline.Predictor.Forecasting.HoltWinters;

/// <summary>
/// Additive Holt-Winters with a daily season whose length comes from the history's spacing (1440 points for minutes,
/// 24 for hours). Smoothing factors are chosen by a grid search minimising the one-step squared error over the last
/// <see cref="HoltWintersOptions.TrainingSeasons"/> seasons, refitted once a season; between fits the state is
/// advanced with every new point.
/// </summary>
internal sealed class HoltWintersForecaster(HoltWintersOptions options) : ITrainableForecaster
{
    private HoltWintersModel? _installed;
    private HoltWintersModel? _adopted;
    private HoltWintersState? _state;

    public string Name => ForecasterNames.HoltWinters;

    public IForecastModel? Model => Volatile.Read(ref _installed);

    public bool NeedsTraining(RateHistory history)
    {
        if (history.Available < 2 * history.DailySeason) return false;
        var model = Model;
        return model is null || history.Count - model.TrainedThrough >= history.DailySeason;
    }

    public int TrainingWindow(RateHistory history) => options.TrainingSeasons * history.DailySeason;

    public IForecastModel? Train(RateHistory snapshot)
    {
        var season = snapshot.DailySeason;
        if (snapshot.Available < 2 * season) return null;
        var clock = Stopwatch.StartNew();
        HoltWintersState? best = null;
        var bestError = double.PositiveInfinity;
        foreach (var a in options.Alphas)
            foreach (var b in options.Betas)
                foreach (var g in options.Gammas)
                {
                    var state = HoltWintersState.Initialize(snapshot, snapshot.FirstIndex, season, a, b, g, options.Damping);
                    var sse = 0.0;
                    for (var i = state.Index + 1; i <= snapshot.LastIndex; i++)
                    {
                        var e = state.Update(snapshot[i]);
                        sse += e * e;
                    }
                    if (sse < bestError)
                    {
                        bestError = sse;
                        best = state;
                    }
                }
        return new HoltWintersModel(best!, snapshot.Count, snapshot.Available, clock.Elapsed);
    }

    public void Install(IForecastModel model) => Volatile.Write(ref _installed, (HoltWintersModel)model);

    public bool TryForecast(RateHistory history, ReadOnlySpan<int> horizons, Span<double> output)
    {
        var installed = Model as HoltWintersModel;
        if (installed is null) return false;
        if (!ReferenceEquals(_adopted, installed))
        {
            _adopted = installed;
            _state = installed.State;
        }
        if (_state is null) return false;
        if (!history.Holds(_state.Index + 1) && _state.Index < history.LastIndex) return false;
        while (_state.Index < history.LastIndex) _state.Update(history[_state.Index + 1]);
        for (var i = 0; i < horizons.Length; i++) output[i] = Math.Max(0, _state.Forecast(horizons[i]));
        return true;
    }
}
