using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Predictor.Forecasting.Gbm;
using Pipeline.Predictor.Forecasting.Training;

namespace Pipeline.Predictor.Forecasting.Global;

/// <summary>
/// The shared model of the <c>gbm-global</c> forecaster (cross-learning, as the M5 competition's gradient-boosting
/// winners did): ONE FastTree model per horizon trained on rows pooled from every service's history
/// (<see cref="GlobalRowSampler"/>, bounded per round), so a round costs the same for 10 or 10,000 services and a new
/// service is forecast as soon as it holds <see cref="GbmFeatures.Lookback"/> points. Each service joins with its
/// history and gets its own view (<see cref="Join"/>), which its own <see cref="Intervals.ForecastTracker"/> wraps: the
/// conformal intervals stay per service. A round is started by a view's forecast when <see cref="GlobalSchedule"/> says
/// so: sampled on the calling (decision) thread, fitted inline (<see cref="TrainerModes.Synchronous"/>) or on a task
/// and swapped in atomically (<see cref="TrainerModes.Background"/>); with no trainer mode only <see cref="TrainNow"/>
/// trains. Joining, leaving and forecasting belong to one thread, as a policy's decisions do.
/// </summary>
public sealed partial class GlobalGbm
{
    private readonly ForecastingOptions _options;
    private readonly string? _trainer;
    private readonly string? _modelPath;
    private readonly ILogger _logger;
    private readonly List<GlobalMember> _members = [];
    private readonly Dictionary<string, GlobalMember> _byService = new(StringComparer.Ordinal);
    private readonly GlobalSchedule _schedule;
    private GbmModel? _model;
    private GlobalRound? _lastRound;
    private int _busy;

    /// <summary>
    /// A fleet forecasting horizons 1..<paramref name="horizons"/>, trained by <paramref name="trainer"/> (a
    /// <see cref="TrainerModes"/> name, or null for <see cref="TrainNow"/> only), its model persisted at
    /// <paramref name="modelPath"/> (loaded from there at once when present).
    /// </summary>
    public GlobalGbm(ForecastingOptions options, int horizons, string? trainer = TrainerModes.Synchronous, string? modelPath = null, ILogger? logger = null)
    {
        if (horizons < 1) throw new ArgumentException($"horizons must be >= 1, was {horizons}", nameof(horizons));
        if (trainer is not null && !TrainerModes.All.Contains(trainer)) throw new ArgumentException($"unknown trainer mode '{trainer}'; known modes: {string.Join(", ", TrainerModes.All)}", nameof(trainer));
        _options = options;
        _trainer = trainer;
        _modelPath = modelPath;
        _logger = logger ?? NullLogger.Instance;
        Horizons = horizons;
        _schedule = new GlobalSchedule(options.Gbm.MinTrainingRows, options.GlobalGbm.RetrainInterval);
        if (modelPath is not null) _model = GlobalModelFile.Load(modelPath, options.Gbm, horizons, _logger);
        if (_model is not null) _schedule.Loaded(_model.TrainedThrough);
    }

    /// <summary>Horizons the models are trained for.</summary>
    public int Horizons { get; }

    /// <summary>Services in the fleet.</summary>
    public int Services => _members.Count;

    /// <summary>The model in use, if any.</summary>
    public IForecastModel? Model => Volatile.Read(ref _model);

    /// <summary>The latest finished round, if any.</summary>
    public GlobalRound? LastRound => Volatile.Read(ref _lastRound);

    /// <summary>Raised (on the training task) when a background round throws; the previous model stays.</summary>
    public event Action<Exception>? Failed;

    internal GbmModel? Current => Volatile.Read(ref _model);

    /// <summary>Adds <paramref name="service"/> (replacing an earlier join) and returns its view; a null history is bound at its first forecast.</summary>
    public IForecaster Join(string service, RateHistory? history)
    {
        Leave(service);
        var member = new GlobalMember(service);
        _members.Add(member);
        _byService.Add(service, member);
        if (history is not null) Count(member, history);
        return new GlobalGbmForecaster(this, member);
    }

    /// <summary>Removes <paramref name="service"/> from the fleet (its rows leave the next round).</summary>
    public void Leave(string service)
    {
        if (!_byService.Remove(service, out var member)) return;
        _members.Remove(member);
        _schedule.Add(-member.Rows, DateTimeOffset.MinValue);
        member.Left = true;
    }

    /// <summary>Runs one round now, inline, whatever the schedule; null when the fleet holds too few rows.</summary>
    public GlobalRound? TrainNow()
    {
        var (rows, sampling) = Sample();
        return Fit(rows, sampling, _members.Count, _schedule.Rows);
    }

    /// <summary>Counts a view's new points towards the schedule and starts a round when one is due.</summary>
    internal void Observe(GlobalMember member, RateHistory history)
    {
        if (member.Left)
        {
            member.History = history;
            return;
        }
        Count(member, history);
        if (_trainer is null || !_schedule.Due(Current is not null)) return;
        if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0) return;
        _schedule.Started();
        var (rows, sampling) = Sample();
        var (services, through) = (_members.Count, _schedule.Rows);
        if (_trainer == TrainerModes.Synchronous)
        {
            try { Fit(rows, sampling, services, through); }
            finally { Volatile.Write(ref _busy, 0); }
            return;
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
    }

    private void Count(GlobalMember member, RateHistory history)
    {
        member.History = history;
        if (history.Count == 0) return;
        var rows = Math.Max(0, history.Available - GbmFeatures.Lookback - Horizons);
        _schedule.Add(rows - member.Rows, history.TimeOf(history.LastIndex));
        member.Rows = rows;
    }

    private (List<GbmRow>[] Rows, TimeSpan Time) Sample()
    {
        var clock = Stopwatch.StartNew();
        var histories = _members.Where(m => m.History is not null).Select(m => m.History!).ToList();
        return (GlobalTrainer.Sample(histories, Horizons, _options), clock.Elapsed);
    }

    /// <summary>Fits and installs a round's models; <paramref name="through"/> is the fleet's row count when they were sampled (kept with the model).</summary>
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
