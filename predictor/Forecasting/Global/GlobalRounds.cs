using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Pipeline.Predictor.Forecasting.Gbm;
using Pipeline.Predictor.Forecasting.Training;

namespace Pipeline.Predictor.Forecasting.Global;

/// <summary>
/// Runs the training rounds of one <see cref="GlobalGbm"/> and holds its model: rows are sampled on the calling
/// (decision) thread, then fitted inline (<see cref="TrainerModes.Synchronous"/>, exceptions propagate) or on a task and
/// swapped in atomically (<see cref="TrainerModes.Background"/>, at most one at a time, a failure keeps the previous
/// model); every new model is saved when there is a path. The model is loaded from that path at start.
/// </summary>
internal sealed partial class GlobalRounds
{
    private readonly ForecastingOptions _options;
    private readonly string? _modelPath;
    private readonly ILogger _logger;
    private GbmModel? _model;
    private GlobalRound? _lastRound;
    private int _busy;

    public GlobalRounds(ForecastingOptions options, int horizons, string? modelPath, ILogger logger)
    {
        (_options, _modelPath, _logger) = (options, modelPath, logger);
        if (modelPath is not null) _model = GlobalModelFile.Load(modelPath, options.Gbm, horizons, logger);
    }

    public GbmModel? Model => Volatile.Read(ref _model);

    public GlobalRound? LastRound => Volatile.Read(ref _lastRound);

    /// <summary>Raised (on the training task) when a background round throws.</summary>
    public event Action<Exception>? Failed;

    /// <summary>
    /// Starts a round on the rows <paramref name="sample"/> gives (called here, on the calling thread) unless one is running;
    /// false when one is. <paramref name="through"/>: the fleet's rows now.
    /// </summary>
    public bool TryStart(Func<List<GbmRow>[]> sample, int services, long through, bool background)
    {
        if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0) return false;
        var (rows, sampling) = Sample(sample);
        if (!background)
        {
            try { Fit(rows, sampling, services, through); }
            finally { Volatile.Write(ref _busy, 0); }
            return true;
        }
        _ = Task.Run(() =>
        {
            try { Fit(rows, sampling, services, through); }
            catch (Exception e)
            {
                Log.RoundFailed(_logger, e);
                Failed?.Invoke(e);
            }
            finally { Volatile.Write(ref _busy, 0); }
        });
        return true;
    }

    /// <summary>One round inline, whatever else runs; null when the rows are too few.</summary>
    public GlobalRound? RunNow(Func<List<GbmRow>[]> sample, int services, long through)
    {
        var (rows, sampling) = Sample(sample);
        return Fit(rows, sampling, services, through);
    }

    private static (List<GbmRow>[] Rows, TimeSpan Time) Sample(Func<List<GbmRow>[]> sample)
    {
        var clock = Stopwatch.StartNew();
        return (sample(), clock.Elapsed);
    }

    private GlobalRound? Fit(List<GbmRow>[] rows, TimeSpan sampling, int services, long through)
    {
        var model = GlobalTrainer.Fit(rows, through, _options.Gbm);
        if (model is null) return null;
        var round = new GlobalRound(services, rows[0].Count, sampling, model.TrainingTime);
        Volatile.Write(ref _model, model);
        Volatile.Write(ref _lastRound, round);
        if (_modelPath is not null) GlobalModelFile.Save(_modelPath, model, _logger);
        return round;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Global gbm training round failed; the previous model stays")]
        public static partial void RoundFailed(ILogger logger, Exception exception);
    }
}
