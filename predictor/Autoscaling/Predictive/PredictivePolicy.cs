using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Global;
using Pipeline.Predictor.Forecasting.Intervals;
using Pipeline.Predictor.Forecasting.Persistence;
using Pipeline.Predictor.Forecasting.Training;

namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// The <c>predictive</c> autoscaling policy. Per service it keeps the request-rate history of the windows it sees, a
/// forecaster (default <c>gbm</c>) and the <c>seasonal-naive</c> reference, both wrapped in conformal intervals, and the
/// per-replica capacity learned from the windows. Each decision asks for the replicas the UPPER bound of the forecast
/// needs at <see cref="PredictiveOptions.UpperBoundUtilization"/> over the horizons from the start-up delay to the start-up
/// delay plus one window (a replica requested now serves from then on) and the point forecast needs at
/// <see cref="PredictiveOptions.ExpectedUtilization"/>, never fewer than the reactive floor (<see cref="FloorSizing"/>: the
/// HPA calculation at the target when the observed rate is a surprise), then applies scale-down
/// stabilization, the maximum step and the min/max bounds. It falls back to the reactive calculation, and says so, while
/// the history is too short, the model is untrained or uncalibrated, the capacity is unknown, or the model's recent
/// sMAPE is significantly worse than the reference's (drift, <see cref="DriftTest"/>). Training runs through an <see cref="IForecastTrainer"/>: inline in the
/// simulator, on a background task live, so a decision never waits for it.
/// </summary>
internal sealed class PredictivePolicy : IAutoscalingPolicy
{
    private readonly PredictiveOptions _options;
    private readonly IForecastTrainer _trainer;
    private readonly ForecastStateStore? _store;
    private readonly GlobalFleets? _global;
    private readonly Dictionary<string, PredictiveServiceState> _states = new(StringComparer.Ordinal);

    public PredictivePolicy(PredictiveOptions options)
    {
        options.Validate();
        _options = options;
        _trainer = TrainerModes.Create(options.Trainer);
        _store = options.StateDirectory is { } dir ? new ForecastStateStore(dir, options.StateLogger) : null;
        // gbm-global: one shared model per window step for all of this instance's services, each with its own view.
        _global = options.Forecaster == ForecasterNames.GbmGlobal
            ? new GlobalFleets(options.Forecasting, options.Trainer, options.StateDirectory, options.StateLogger)
            : null;
    }

    public string Name => AutoscalingPolicyNames.Predictive;

    public void Forget(string service)
    {
        _states.Remove(service);
        _global?.Leave(service);
    }

    public ScaleDecision Decide(AutoscalingContext context)
    {
        var window = context.Window;
        var state = State(context.Service, window);
        var history = state.History;
        // The one-step-ahead upper bound made at the previous window is what the model expected for this one; a rate above
        // it is a surprise (FloorSizing). A window that adds no point compares against the newest forecast instead.
        var expectedUpper = state.ModelForecast is { Length: > 0 } previous ? previous[0].Upper : double.NaN;
        var added = double.IsFinite(window.RequestRate) && window.RequestRate >= 0 && history.Append(window.WindowEnd, window.RequestRate) > 0;
        if (added) Advance(context.Service, state);
        state.Capacity.Observe(window);

        var current = context.CurrentReplicas;
        var drain = (_options.StartupDelay + (window.WindowEnd - window.WindowStart)).TotalSeconds;
        var assessment = PredictiveAssessment.Assess(state, _options);
        var capacity = state.Capacity.Known && window.ReadyReplicas > 0 ? window.ReadyReplicas * state.Capacity.PerReplica : double.NaN;
        if (added) state.Saturations.Observe(history.LastIndex, window.RequestRate > capacity);
        var sizing = FloorSizing.Choose(window.RequestRate, expectedUpper, assessment.UsesForecast, _options, state.AboveStreak, SlaFloor(state, current), capacity);
        if (added) state.AboveStreak = sizing.AboveStreak;
        var growth = Growth(state, window, sizing, added, drain);
        var observed = growth > 1 ? window with { RequestRate = window.RequestRate * growth } : window;
        var floor = ReactiveFloor.Calculate(observed, current, sizing.Utilization, _options.Tolerance, state.Capacity.PerReplica, drain);
        var recurring = Recurring(state, current, out var yesterdayAlone);
        var plan = PredictivePlan.Make(assessment, state, floor, current, _options, recurring, context.MaxReplicas);
        var final = PredictiveLimits.Apply(plan, state, context, _options, unlimitedUp: sizing.Surprise && _options.SurgeGrowth);
        return PredictiveExplanation.Decision(context, Name, _options, assessment, plan, final, state, sizing, growth, yesterdayAlone);
    }

    /// <summary>Follows this window in the service's <see cref="SurgeGrowth"/>; on a surprise, the factor on its rate its floor sizes for.</summary>
    private double Growth(PredictiveServiceState state, FeatureWindow window, FloorSizing sizing, bool added, double drainSeconds)
    {
        if (!_options.SurgeGrowth) return 1;
        var size = sizing.AboveStreak > 0 ? window.RequestRate / sizing.ExpectedUpper : 0;
        var step = (window.WindowEnd - window.WindowStart).TotalSeconds;
        var windowsToReady = step > 0 ? (int)Math.Ceiling(drainSeconds / step - 1e-9) : 0;
        // A surprise's onset: the window that made it one (the first saturated window, else the SurpriseWindows-th above).
        var onset = sizing.Surprise && (sizing.AboveStreak == _options.SurpriseWindows || sizing.Saturated && sizing.AboveStreak == 1);
        if (added) state.Surge.Observe(window.RequestRate, onset, size, windowsToReady);
        return sizing.Surprise && window.RequestRate > 0 ? state.Surge.Sized(window.RequestRate) / window.RequestRate : 1;
    }

    /// <summary>The SLA's utilization limit for <paramref name="current"/> replicas (<see cref="PredictiveOptions.Sla"/>); null when off, unknown or unreachable.</summary>
    private double? SlaFloor(PredictiveServiceState state, int current)
    {
        if (_options.Sla is not { } sla || !state.Capacity.Known || current < 1) return null;
        var limit = sla.Limits(state.Capacity.PerReplica).Utilization(current);
        return limit > 0 ? limit : null;
    }

    /// <summary>
    /// The <see cref="RecurringDemand"/> over the horizons a replica requested now serves in, and the ramp before them. The
    /// decision comes after its window has closed (the grace period, then transport), so a replica requested now is ready a
    /// little after the start of the model's last horizon: a load arriving at the start of the window after it would find
    /// the next decision's replicas still starting, hence one window more than the model's horizons.
    /// </summary>
    private double Recurring(PredictiveServiceState state, int current, out bool yesterdayAlone)
    {
        var latest = state.Model.Horizons[^1] + 1;
        var earliest = Math.Min(latest, Math.Max(1, (int)Math.Ceiling(_options.StartupDelay / state.History.Step - 1e-9)));
        var perReplica = state.Capacity.PerReplica * _options.ExpectedSizing;
        var onsetSpan = _options.RecurringAfterSaturation ? latest : -1;
        return RecurringDemand.Rate(state.History, earliest, latest, _options.RecurringDays, state.Saturations, onsetSpan, rate => state.Capacity.Known
            ? RecurringDemand.DecisionsToReach(current, (int)Math.Ceiling(rate / perReplica), _options.MaxScaleUpStep)
            : 0, out yesterdayAlone);
    }

    /// <summary>Scores the forecasts that matured, keeps the models trained, and forecasts from the new newest point.</summary>
    private void Advance(string service, PredictiveServiceState state)
    {
        var history = state.History;
        state.Model.Observe(history);
        state.Reference.Observe(history);
        if (state.Trainable is { } trainable)
        {
            _trainer.Maintain(trainable, history, _store is null ? null : (model, snapshot) => _store.Save(service, snapshot, trainable, model));
        }
        if (state.Reference.Forecaster is ITrainableForecaster reference) _trainer.Maintain(reference, history);
        state.ModelForecast = state.Model.Forecast(history);
        state.ReferenceForecast = state.Reference.Forecast(history);
    }

    private PredictiveServiceState State(string service, FeatureWindow window)
    {
        if (_states.TryGetValue(service, out var state)) return state;
        var step = window.WindowEnd - window.WindowStart;
        if (step <= TimeSpan.Zero) step = TimeSpan.FromSeconds(15);
        var perDay = Math.Max(1, (int)Math.Round(TimeSpan.FromDays(1) / step));
        var capacity = (int)Math.Min(400_000L, (long)perDay * _options.HistoryDays);
        var horizons = Enumerable.Range(1, Math.Max(1, (int)Math.Ceiling((_options.StartupDelay + step) / step))).ToArray();
        var compaction = CompactHistoryRule.For(_options, step, horizons.Length);
        if (_global is not null && compaction is not null) capacity = CompactHistoryRule.GlobalCapacity(_options, compaction, step, horizons.Length, capacity);
        var restored = _store?.LoadHistory(service, step, capacity, compaction);
        var reference = ForecasterRegistry.Create(_options.Reference, _options.Forecasting, horizons.Length);
        var replay = restored is null ? 0 : Math.Min(restored.Available - 1, _options.Forecasting.ResidualWindow + horizons.Length);
        var history = restored is null
            ? new RateHistory(step, capacity, compaction)
            : RateHistory.Restore(step, capacity, restored.TimeOf(0), restored.FirstIndex, Points(restored, restored.FirstIndex, restored.Count - replay), compaction);
        var model = _global?.Join(service, history, horizons.Length) ?? ForecasterRegistry.Create(_options.Forecaster, _options.Forecasting, horizons.Length);
        if (_store is not null && model is ITrainableForecaster trainable) _store.TryLoadModel(service, trainable);
        // The reference's intervals are never read (only its accuracy, for the drift check): no residual windows, no
        // interval computed at each decision, in either state.
        var compact = _options.CompactState;
        state = new PredictiveServiceState(
            history,
            new ForecastTracker(model, horizons, _options.Forecasting, compact: compact, capAtPeak: true),
            new ForecastTracker(reference, horizons, _options.Forecasting, intervals: false, compact: compact),
            new CapacityEstimator(_options.CapacityPerReplica, _options.CapacitySmoothing),
            (int)Math.Min(1024, Math.Ceiling(_options.ScaleDownStabilization / step)) + 2); // the window's ends, and the new one before the oldest leaves
        // After a restart, replay the newest persisted points through the loaded model so the intervals and the drift
        // check are calibrated at once instead of after another ResidualWindow of live windows.
        for (var i = restored?.Count - replay ?? 0; restored is not null && i < restored.Count; i++)
        {
            history.Append(restored.TimeOf(i), restored[i]);
            state.Model.Observe(history);
            state.Reference.Observe(history);
            state.ModelForecast = state.Model.Forecast(history);
            state.ReferenceForecast = state.Reference.Forecast(history);
        }
        _states.Add(service, state);
        return state;
    }

    private static IEnumerable<double> Points(RateHistory history, long from, long to)
    {
        for (var i = from; i < to; i++) yield return history[i];
    }
}
