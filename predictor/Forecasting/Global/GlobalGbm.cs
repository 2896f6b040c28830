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
/// <see cref="TrainerModes.Background"/>); with no trainer mode only <see cref="TrainNow"/> trains. Joining, leaving and
/// forecasting belong to one thread, as a policy's decisions do.
/// </summary>
public sealed class GlobalGbm
{
    private readonly string? _trainer;
    private readonly List<GlobalMember> _members = [];
    private readonly Dictionary<string, GlobalMember> _byService = new(StringComparer.Ordinal);
    private readonly GlobalSchedule _schedule;
    private readonly GlobalRounds _rounds;

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
        Horizons = horizons;
        _schedule = new GlobalSchedule(options.Gbm.MinTrainingRows, options.GlobalGbm.RetrainInterval, options.Gbm.RetrainMinPoints);
        _rounds = new GlobalRounds(options, horizons, modelPath, logger ?? NullLogger.Instance);
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

    /// <summary>Removes <paramref name="service"/> from the fleet (its rows leave the next round).</summary>
    public void Leave(string service)
    {
        if (!_byService.Remove(service, out var member)) return;
        _members.Remove(member);
        _schedule.Add(-member.Rows, DateTimeOffset.MinValue, TimeSpan.Zero);
        member.Left = true;
    }

    /// <summary>Runs one round now, inline, whatever the schedule; null when the fleet holds too few rows.</summary>
    public GlobalRound? TrainNow() => _rounds.RunNow(Histories(), _schedule.Rows);

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
        if (_rounds.TryStart(Histories(), _schedule.Rows, _trainer == TrainerModes.Background)) _schedule.Started();
    }

    private void Count(GlobalMember member, RateHistory history)
    {
        member.History = history;
        if (history.Count == 0) return;
        var rows = Math.Max(0, history.Available - GbmFeatures.Lookback - Horizons);
        _schedule.Add(rows - member.Rows, history.TimeOf(history.LastIndex), history.Step);
        member.Rows = rows;
    }

    private List<RateHistory> Histories() => [.. _members.Where(m => m.History is not null).Select(m => m.History!)];
}
