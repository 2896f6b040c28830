using Microsoft.Extensions.Logging;

namespace Pipeline.Predictor.Forecasting.Global;

/// <summary>
/// The <see cref="GlobalGbm"/> fleets of one policy instance, one per window step (features count requests per step,
/// so a model is only valid for its step), created at the first service of each step and persisted under the state
/// directory when there is one.
/// </summary>
internal sealed class GlobalFleets(ForecastingOptions options, string trainer, string? stateDirectory, ILogger? logger)
{
    private readonly Dictionary<TimeSpan, GlobalGbm> _byStep = [];
    private readonly Dictionary<string, GlobalGbm> _byService = new(StringComparer.Ordinal);

    /// <summary>Joins <paramref name="service"/> to the fleet of its history's step and returns its view.</summary>
    public IForecaster Join(string service, RateHistory history, int horizons)
    {
        Leave(service);
        if (!_byStep.TryGetValue(history.Step, out var fleet))
        {
            var path = stateDirectory is null ? null : GlobalModelFile.PathFor(stateDirectory, history.Step);
            fleet = new GlobalGbm(options, horizons, trainer, path, logger);
            _byStep.Add(history.Step, fleet);
        }
        _byService[service] = fleet;
        return fleet.Join(service, history);
    }

    /// <summary>Removes <paramref name="service"/> from its fleet.</summary>
    public void Leave(string service)
    {
        if (_byService.Remove(service, out var fleet)) fleet.Leave(service);
    }
}
