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
/// so and run by <see cref="GlobalRounds"/> (inline for <see cref="TrainerModes.Synchronous"/>, fitted on a task for
/// <see cref="TrainerModes.Background"/>); with no trainer mode only <see cref="TrainNow"/> trains. When the histories
/// hold less than an origin window at full resolution, rows are captured as they complete instead
/// (<see cref="GlobalRowReservoir"/>). Joining, leaving and forecasting belong to one thread, as a policy's decisions do.
/// </summary>
public sealed class GlobalGbm
{
    private readonly string? _trainer;
    private readonly List<GlobalMember> _members = [];
    private readonly Dictionary<string, GlobalMember> _byService = new(StringComparer.Ordinal);
    private readonly GlobalSchedule _schedule;
    private readonly GlobalRounds _rounds;
    private readonly ForecastingOptions _options;
    private readonly string? _rowsPath;
    private readonly ILogger _logger;
    private GlobalRowReservoir? _reservoir;

    /// <summary>
    /// A fleet forecasting horizons 1..<paramref name="horizons"/>, trained by <paramref name="trainer"/> (a
    /// <see cref="TrainerModes"/> name, or null for <see cref="TrainNow"/> only), its model persisted at
    /// <paramref name="modelPath"/> (loaded from there at once when present).
    /// </summary>
    public GlobalGbm(ForecastingOptions options, int horizons, string? trainer = TrainerModes.Synchronous, string? modelPath = null, ILogger? logger = null)
    {
        if (horizons < 1) throw new ArgumentException($"horizons must be >= 1, was {horizons}", nameof(horizons));
        if (trainer is not null && !TrainerModes.All.Contains(trainer)) throw new ArgumentException($"unknown trainer mode '{trainer}'; known modes: {string.Join(", ", TrainerModes.All)}", nameof(trainer));
        _trainer = trainer;
        _options = options;
        _rowsPath = modelPath is null ? null : GlobalRowFile.PathFor(modelPath);
        _logger = logger ?? NullLogger.Instance;
        Horizons = horizons;
        _schedule = new GlobalSchedule(options.Gbm.MinTrainingRows, options.GlobalGbm.RetrainInterval, options.Gbm.RetrainMinPoints);
        _rounds = new GlobalRounds(options, horizons, modelPath, _logger);
        if (_rounds.Model is { } loaded) _schedule.Loaded(loaded.TrainedThrough);
    }

    /// <summary>Horizons the models are trained for.</summary>
    public int Horizons { get; }

    /// <summary>Services in the fleet.</summary>
    public int Services => _members.Count;

    /// <summary>The model in use, if any.</summary>
    public IForecastModel? Model => _rounds.Model;

    /// <summary>The latest finished round, if any.</summary>
    public GlobalRound? LastRound => _rounds.LastRound;

    /// <summary>Raised (on the training task) when a background round throws; the previous model stays.</summary>
    public event Action<Exception>? Failed
    {
        add => _rounds.Failed += value;
        remove => _rounds.Failed -= value;
    }

    internal GbmModel? Current => _rounds.Model;

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

    /// <summary>Removes <paramref name="service"/> from the fleet (its rows leave the next round; captured rows age out of the ring).</summary>
    public void Leave(string service)
    {
        if (!_byService.Remove(service, out var member)) return;
        _members.Remove(member);
        _schedule.Add(-member.Rows, DateTimeOffset.MinValue, TimeSpan.Zero);
        member.Left = true;
    }

    /// <summary>Runs one round now, inline, whatever the schedule; null when the fleet holds too few rows.</summary>
    public GlobalRound? TrainNow() => _rounds.RunNow(Rows, _members.Count, _schedule.Rows);

    /// <summary>Whether training rows are captured as they complete (<see cref="GlobalRowReservoir"/>), and how many are held.</summary>
    public int? CapturedRows => _reservoir?.Count;

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
        // Captured rows: a round waits for as many rows as the model it replaces had (after a restart without its saved
        // rows the ring refills first).
        var replaced = Math.Min(_options.GlobalGbm.MaxTrainingRows, (Current?.TrainingExamples ?? 0) / Horizons);
        if (_reservoir is { } r && r.Count < Math.Max(_options.Gbm.MinTrainingRows, replaced)) return;
        if (!_rounds.TryStart(Rows, _members.Count, _schedule.Rows, _trainer == TrainerModes.Background)) return;
        _schedule.Started();
        // Saved with each round (here, on the decision thread: one file of at most 3.8 MB a round) beside the model.
        if (_reservoir is not null && _rowsPath is not null) GlobalRowFile.Save(_rowsPath, _reservoir, _logger);
    }

    private void Count(GlobalMember member, RateHistory history)
    {
        member.History = history;
        if (history.Count == 0) return;
        if (_reservoir is null && ShortFullResolution(history))
        {
            var (capacity, seed) = (_options.GlobalGbm.MaxTrainingRows, _options.Gbm.Seed);
            _reservoir = (_rowsPath is null ? null : GlobalRowFile.Load(_rowsPath, capacity, Horizons, seed, history.Step, _logger))
                ?? new GlobalRowReservoir(capacity, Horizons, seed, history.Step);
        }
        if (_reservoir is not null) member.NextOrigin = _reservoir.Offer(history, member.NextOrigin, Keep(history));
        var rows = Math.Max(0, history.Available - GbmFeatures.Lookback - Horizons);
        _schedule.Add(rows - member.Rows, history.TimeOf(history.LastIndex), history.Step);
        member.Rows = rows;
    }

    private List<GbmRow>[] Rows() => _reservoir?.Rows()
        ?? GlobalTrainer.Sample([.. _members.Where(m => m.History is not null).Select(m => m.History!)], Horizons, _options);

    /// <summary>Whether the origin window's look-backs reach past the points held at full resolution.</summary>
    private bool ShortFullResolution(RateHistory history) =>
        history.Compaction is { } c && c.FullResolution < _options.GlobalGbm.OriginPoints(history.Step) + GbmFeatures.Lookback + Horizons;

    /// <summary>
    /// Keep probability of an offered origin: with held origins replaced at random once the ring is full, a held origin's
    /// life is exponential with mean capacity / (services × keep). That mean is set to the mean age of the origins the
    /// sampler takes from a window, window / (<see cref="GlobalGbmOptions.Recency"/> + 1) (age = window × u^Recency), so
    /// the ring weighs recent behaviour as a round sampled from the histories would; every origin while that needs more
    /// than all of them (a lone service at 15 s windows keeps every origin, and holds the newest most densely).
    /// </summary>
    private double Keep(RateHistory history)
    {
        var options = _options.GlobalGbm;
        return Math.Min(1, (options.Recency + 1) * options.MaxTrainingRows / ((double)Math.Max(1, _members.Count) * options.OriginPoints(history.Step)));
    }
}
