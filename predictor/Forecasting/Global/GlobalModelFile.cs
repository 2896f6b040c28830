using Microsoft.Extensions.Logging;
using Pipeline.Predictor.Forecasting.Gbm;
using Pipeline.Predictor.Forecasting.Persistence;

namespace Pipeline.Predictor.Forecasting.Global;

/// <summary>
/// The global model on disk, written as the per-service <c>gbm</c> models are (<see cref="GbmModelFiles"/>: versioned
/// folder, SHA-256 of every zip in <c>meta.json</c>, pointer file replaced atomically), so a restart forecasts at once.
/// A model that fails its checksum or cannot be read is reported and trained anew.
/// </summary>
internal static partial class GlobalModelFile
{
    /// <summary>The model's path under a state directory for one window step (a model is only valid for its step).</summary>
    public static string PathFor(string stateDirectory, TimeSpan step) =>
        Path.Combine(stateDirectory, string.Create(System.Globalization.CultureInfo.InvariantCulture, $".gbm-global-{step.TotalSeconds:0.###}s"));

    public static void Save(string path, GbmModel model, ILogger logger)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            GbmModelFiles.Write(path, model);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.SaveFailed(logger, path, e.Message);
        }
    }

    public static GbmModel? Load(string path, GbmOptions options, int horizons, ILogger logger)
    {
        var model = GbmModelFiles.Read(path, options, horizons, out var problem);
        if (problem is not null) Log.Unusable(logger, path, problem);
        return model;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Global gbm model {Path} is unusable ({Problem}); it is trained anew")]
        public static partial void Unusable(ILogger logger, string path, string problem);

        [LoggerMessage(2, LogLevel.Warning, "Global gbm model {Path} could not be saved ({Problem}); a restart will train anew")]
        public static partial void SaveFailed(ILogger logger, string path, string problem);
    }
}
