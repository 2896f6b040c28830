using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Predictor.Forecasting.Gbm;
using Pipeline.Predictor.Forecasting.Training;

namespace Pipeline.Predictor.Forecasting.Persistence;

/// <summary>
/// Keeps each service's history and trained <c>gbm</c> model in a local directory (<c>&lt;root&gt;/&lt;service&gt;/</c>) so a
/// restarted predictor forecasts at once instead of starting cold. Holt-Winters and seasonal-naive need no files:
/// they refit from the restored history in milliseconds. Files are written atomically; a history file that cannot be
/// read is set aside (<c>history.bin.corrupt-*</c>) with a warning and the service starts cold.
/// </summary>
public sealed partial class ForecastStateStore(string root, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

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

    /// <summary>The persisted history of <paramref name="service"/> stored as <paramref name="compaction"/> says, or null (absent, of another step, or corrupt and set aside).</summary>
    public RateHistory? LoadHistory(string service, TimeSpan step, int capacity, HistoryCompaction? compaction = null)
    {
        var path = Path.Combine(ServiceDirectory(service), "history.bin");
        var history = HistoryFile.Read(path, step, capacity, out var corrupt, compaction);
        if (corrupt is null) return history;
        try
        {
            var aside = AtomicFile.SetAside(path, DateTimeOffset.UtcNow);
            Log.SetAside(_logger, service, path, corrupt, aside);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.SetAside(_logger, service, path, corrupt, $"nowhere ({e.Message})");
        }
        return null;
    }

    /// <summary>
    /// Installs the persisted model of <paramref name="forecaster"/>; false when there is none or it is unusable (a
    /// checksum mismatch, an unreadable file): that one is set aside with a warning and the forecaster trains anew.
    /// </summary>
    public bool TryLoadModel(string service, ITrainableForecaster forecaster)
    {
        if (forecaster is not GbmForecaster gbm) return false;
        var directory = Path.Combine(ServiceDirectory(service), forecaster.Name);
        var model = GbmModelFiles.Read(directory, gbm.Options, gbm.Horizons, out var problem);
        if (problem is not null) SetAsideModel(service, GbmModelFiles.Current(directory), problem);
        if (model is null) return false;
        forecaster.Install(model);
        return true;
    }

    private void SetAsideModel(string service, string version, string problem)
    {
        // Not named like a version (<name>.v*), so the next save does not delete it: it stays for a look.
        var aside = Path.Combine(Path.GetDirectoryName(version)!, $"corrupt-{Path.GetFileName(version)}-{DateTimeOffset.UtcNow.UtcDateTime:yyyyMMddTHHmmssfff}");
        try
        {
            Directory.Move(version, aside);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            aside = $"nowhere ({e.Message})";
        }
        Log.ModelSetAside(_logger, service, version, problem, aside);
    }

    /// <summary>
    /// The directory of <paramref name="service"/> under <see cref="Root"/>: characters other than letters, digits, '-',
    /// '_' and '.' become '_', and an id of dots only ('.', '..') is prefixed, so no id names a directory outside the root.
    /// </summary>
    internal string ServiceDirectory(string service)
    {
        var safe = string.Concat(service.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        if (safe.All(c => c == '.')) safe = "_" + safe;
        return Path.Combine(Root, safe);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Predictive state of {Service}: {Path} is unreadable ({Problem}); moved to {Aside}, the service starts cold")]
        public static partial void SetAside(ILogger logger, string service, string path, string problem, string aside);

        [LoggerMessage(2, LogLevel.Warning, "Predictive model of {Service}: {Path} is unusable ({Problem}); moved to {Aside}, the model is trained anew")]
        public static partial void ModelSetAside(ILogger logger, string service, string path, string problem, string aside);
    }
}
