using Pipeline.Predictor.Forecasting.Gbm;
using Pipeline.Predictor.Forecasting.Training;

namespace Pipeline.Predictor.Forecasting.Persistence;

/// <summary>
/// Keeps each service's history and trained <c>gbm</c> model in a local directory (<c>&lt;root&gt;/&lt;service&gt;/</c>) so a
/// restarted predictor forecasts at once instead of starting cold. Holt-Winters and seasonal-naive need no files:
/// they refit from the restored history in milliseconds.
/// </summary>
public sealed class ForecastStateStore(string root)
{
    /// <summary>The root directory.</summary>
    public string Root { get; } = root;

    /// <summary>Writes the history and, for <c>gbm</c>, the model (call off the decision path).</summary>
    public void Save(string service, RateHistory history, ITrainableForecaster forecaster, IForecastModel model)
    {
        var dir = ServiceDirectory(service);
        Directory.CreateDirectory(dir);
        HistoryFile.Write(Path.Combine(dir, "history.bin"), history);
        if (model is GbmModel gbm) GbmModelFiles.Write(Path.Combine(dir, forecaster.Name), gbm);
    }

    /// <summary>The persisted history of <paramref name="service"/>, or null.</summary>
    public RateHistory? LoadHistory(string service, TimeSpan step, int capacity) =>
        HistoryFile.Read(Path.Combine(ServiceDirectory(service), "history.bin"), step, capacity);

    /// <summary>Installs the persisted model of <paramref name="forecaster"/>; false when there is none.</summary>
    public bool TryLoadModel(string service, ITrainableForecaster forecaster)
    {
        if (forecaster is not GbmForecaster gbm) return false;
        var model = GbmModelFiles.Read(Path.Combine(ServiceDirectory(service), forecaster.Name), gbm.Options, gbm.Horizons);
        if (model is null) return false;
        forecaster.Install(model);
        return true;
    }

    private string ServiceDirectory(string service)
    {
        var safe = string.Concat(service.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return Path.Combine(Root, safe.Length == 0 ? "_" : safe);
    }
}
