using Pipeline.Predictor.Forecasting;
using Pipeline.Predictor.Forecasting.Training;

namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>Options of the <c>predictive</c> autoscaling policy.</summary>
public sealed class PredictiveOptions
{
    /// <summary>
    /// The forecaster that drives scaling (see <see cref="ForecasterNames"/>). Default <c>gbm-global</c>: one model across
    /// the instance's services (a single service in <c>pipeline evaluate</c>), under 50 kB of state a service. Per-service
    /// <c>gbm</c> stays an option: on the eight frontier workloads it wins on the daily outage (4.4% fewer replica-hours
    /// over three seeds, on exact state) and loses on NASA and Wikipedia, at ~26x the state with its model
    /// (docs/frontier.md, docs/bench/fleet.txt).
    /// </summary>
    public string Forecaster { get; set; } = ForecasterNames.GbmGlobal;

    /// <summary>The baseline the forecaster must beat; when its recent sMAPE is significantly lower (<see cref="DriftTest"/>) the policy falls back to reactive (drift).</summary>
    public string Reference { get; set; } = ForecasterNames.SeasonalNaive;

    /// <summary>Forecaster and interval options (nominal coverage of the upper bound used for scaling: <see cref="ForecastingOptions.Coverage"/>).</summary>
    public ForecastingOptions Forecasting { get; set; } = new();

    /// <summary>Target mean utilization of the ready replicas, shared with the <c>hpa</c> policy.</summary>
    public double TargetUtilization { get; set; } = 0.7;

    /// <summary>
    /// Utilization the forecast's UPPER bound may drive the replicas to (null: <see cref="TargetUtilization"/>, the literal
    /// rule; a value below the target counts as the target). Default 0.8, from queueing rather than from a trace: for the evaluation's service (4 workers per replica,
    /// 200 ms mean, SLO 1 s, 99.9% SLA) Erlang C (M/M/24: 6 replicas) puts the 99.9th percentile of the wait at 0.22 s at
    /// 0.8 busy and 0.52 s at 0.9 (1.6 s at 0.9 for 2 replicas), so demand at the upper bound (a (1 − coverage)/2 event)
    /// still meets the SLO with room for the service time's own tail. Sizing
    /// the upper bound at the target pays the headroom twice (the target's headroom exists for demand a reactive scaler
    /// cannot see coming).
    /// </summary>
    public double? UpperBoundUtilization { get; set; } = 0.8;

    /// <summary>
    /// Utilization the EXPECTED demand may drive the replicas to: the point forecast at every horizon, and the observed
    /// rate while it stays inside the interval the forecast gave for this window (see <see cref="FloorSizing"/>); a rate
    /// above that interval is a surprise and meets the reactive HPA calculation at <see cref="TargetUtilization"/>. Null:
    /// the target everywhere (a value below the target counts as the target; the literal rule: the reactive floor at the HPA target at every decision, which makes the
    /// policy at least as large as the HPA's own calculation and so never cheaper than it). Default 0.9: the saturation
    /// guard; the forecast's upper bound provides the headroom.
    /// </summary>
    public double? ExpectedUtilization { get; set; } = 0.9;

    /// <summary>
    /// Consecutive windows above the forecast's upper bound that make a surprise (the reactive floor back at the target,
    /// see <see cref="FloorSizing"/>). Default 2: the upper bound of a calibrated interval is exceeded in (1 − coverage)/2
    /// of the windows by chance, two in a row in its square (0.25% at 90%); 1 treats every exceedance as a surprise.
    /// </summary>
    public int SurpriseWindows { get; set; } = 2;

    /// <summary>
    /// A window above the forecast's upper bound whose rate the ready replicas cannot serve at all (above their learned
    /// capacity: utilization ≥ 1, a queue that grows until capacity is added) is a surprise at once, without waiting for
    /// <see cref="SurpriseWindows"/> (see <see cref="FloorSizing"/>). Default on: waiting a window to confirm only adds that
    /// window's backlog (docs/bench/surge-growth.txt, section 4: flash crowds 0.399% → 0.307% violations at the same cost;
    /// NASA +0.1% replica-hours; the other workloads unchanged).
    /// </summary>
    public bool SaturatedSurprise { get; set; } = true;

    /// <summary>
    /// On a surprise, size the floor for the observed rate times the growth the service's last surprise of that size
    /// showed by the time its capacity was ready (<see cref="Predictive.SurgeGrowth"/>), and take the floor's count at
    /// once, without the scale-up step limit. Default on; off: the observed rate, step-limited.
    /// </summary>
    public bool SurgeGrowth { get; set; } = true;

    /// <summary>
    /// Size the forecast at the queueing limit instead of at fixed utilizations (null here: the fixed utilizations; on by
    /// default in <c>pipeline evaluate</c>, <c>predictor</c> and <c>demo</c>, <c>--sizing utilization</c> turns it off): the
    /// fewest replicas at which the forecast error's tail (<see cref="ForecastingOptions.TailProbability"/>, else the upper
    /// bound), the expected shortfall beyond the interval and the expected demand all stay within the SLA when the replicas'
    /// workers form one queue (<see cref="Queueing.SlaLimits"/>), and the relaxed reactive floor at that limit for the
    /// current replicas. It replaces <see cref="UpperBoundUtilization"/>, <see cref="ExpectedUtilization"/> for the
    /// forecast and the tail's 100% (docs/frontier.md: 9–12% cheaper on smooth loads; on NASA the shortfall keeps the
    /// headroom its bursts need).
    /// </summary>
    public SlaSizingOptions? Sla { get; set; }

    /// <summary>Utilization the upper bound is sized at: <see cref="UpperBoundUtilization"/>, never below the target.</summary>
    internal double UpperSizing => Math.Max(TargetUtilization, UpperBoundUtilization ?? TargetUtilization);

    /// <summary>Utilization expected demand is sized at: <see cref="ExpectedUtilization"/>, never below the target.</summary>
    internal double ExpectedSizing => Math.Max(TargetUtilization, ExpectedUtilization ?? TargetUtilization);

    /// <summary>Tolerance of the reactive floor's HPA calculation (as <c>Hpa.HpaOptions.Tolerance</c>).</summary>
    public double Tolerance { get; set; } = 0.1;

    /// <summary>Time from requesting a replica to its first request; the forecast must reach this far plus one window.</summary>
    public TimeSpan StartupDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Requests per second one replica serves at 100% utilization; null = learned online from the windows.</summary>
    public double? CapacityPerReplica { get; set; }

    /// <summary>Weight of each new window in the learned capacity (exponential moving average).</summary>
    public double CapacitySmoothing { get; set; } = 0.1;

    /// <summary>
    /// A scale-down takes the highest recommendation of this trailing window. Default 300 s as Kubernetes': one-minute
    /// dips followed by a rebound are not forecastable, and a replica removed in a dip takes the start-up delay to come back.
    /// </summary>
    public TimeSpan ScaleDownStabilization { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>
    /// A service whose load has not outgrown its ready replicas within the last day holds a scale-down for the start-up
    /// delay plus one window instead of <see cref="ScaleDownStabilization"/> (<see cref="StabilizationHold"/>). Default
    /// on; off: always <see cref="ScaleDownStabilization"/>. Measured on eight workloads (docs/frontier.md).
    /// </summary>
    public bool ShortHoldWithoutSaturation { get; set; } = true;

    /// <summary>
    /// Days a rise must have recurred at the same time of day before it is provisioned ahead (<see cref="RecurringDemand"/>);
    /// 0 turns the rule off. Default 2: the fewest that tell a recurrence from a one-off.
    /// </summary>
    public int RecurringDays { get; set; } = 2;

    /// <summary>
    /// A rise that outgrew the ready replicas (their capacity at full utilization) is provisioned ahead when it comes back
    /// at the same time the next day, after that one sighting (<see cref="SaturationOnsets"/>, <see cref="RecurringDemand"/>).
    /// Default on; off: such a rise waits for <see cref="RecurringDays"/> days like any other. Measured on eight workloads
    /// (docs/frontier.md): the daily outage's return meets the SLA (0.138% violations to 0.015%); the flash crowd's random
    /// surges, repeated once as false alarms, +0.8% replica-hours; the others within 0.1%. <see cref="RecurringDays"/> = 0
    /// turns this off too.
    /// </summary>
    public bool RecurringAfterSaturation { get; set; } = true;

    /// <summary>Most replicas added per decision: max(this, current) (Kubernetes' max(4 pods, 100%)).</summary>
    public int MaxScaleUpStep { get; set; } = 4;

    /// <summary>Largest fraction of the current replicas removed per decision.</summary>
    public double MaxScaleDownFraction { get; set; } = 0.5;

    /// <summary>
    /// Recent scored forecasts both models need before the drift comparison is made; the test itself also needs
    /// <see cref="DriftTest.Batches"/> batches of twice the longest horizon (80 scores at the default five horizons), within
    /// <see cref="ForecastingOptions.AccuracyWindow"/>: a shorter accuracy window turns drift off.
    /// </summary>
    public int MinScoredForDrift { get; set; } = 30;

    /// <summary>Publish recommendations only (<c>Mode = recommend</c>) instead of acting: the <c>forecast-only</c> mode.</summary>
    public bool ForecastOnly { get; set; }

    /// <summary>Trainer mode: <c>sync</c> (simulator, deterministic) or <c>background</c> (live).</summary>
    public string Trainer { get; set; } = TrainerModes.Synchronous;

    /// <summary>Directory where history and models are persisted per service (null: nothing persisted).</summary>
    public string? StateDirectory { get; set; }

    /// <summary>Where warnings about persisted state go (a corrupt file set aside); null: nowhere.</summary>
    public Microsoft.Extensions.Logging.ILogger? StateLogger { get; set; }

    /// <summary>Days of history kept per service.</summary>
    public int HistoryDays { get; set; } = 35;

    /// <summary>
    /// Bounded per-service state (default true, in <c>pipeline evaluate</c> as in the live predictor, so what is evaluated
    /// is what runs): the history at full resolution (bfloat16) for <see cref="HistoryFullResolution"/> and as bucket and
    /// hourly bfloat16 means beyond (<see cref="HistoryCompaction"/>, <see cref="CompactHistoryRule"/>), the residual and
    /// accuracy windows as float16, and no residual windows for the reference, whose intervals nothing reads. False
    /// (<c>--predictive-state exact</c>): every point and residual a double (1.6 MB of history per service at 15 s windows
    /// over 35 days); per-service <c>gbm</c> moves by rounding only between the two (docs/bench/fleet.txt).
    /// </summary>
    public bool CompactState { get; set; } = true;

    /// <summary>
    /// Span of the newest points a compact history keeps at full resolution; null: a week and a day plus an hour, all a
    /// decision reads, or 6 h with <c>gbm-global</c> (<see cref="CompactHistoryRule.GlobalFullResolution"/>). A shorter span
    /// keeps means of <see cref="HistoryDownsample"/> points up to a week and a day: less memory, coarser recurring demand
    /// and seasonal lags, and per-service <c>gbm</c> training rows read smoothed lookbacks (6 h: 44.8 KiB per service
    /// against 114.5 KiB; on the HPA frontier as good on NASA days 1-7, worse on the daily outage, +13.8% replica-hours:
    /// docs/bench/fleet.txt). Never shorter than the <c>gbm</c> lookback and horizons.
    /// </summary>
    public TimeSpan? HistoryFullResolution { get; set; }

    /// <summary>
    /// With a shorter <see cref="HistoryFullResolution"/>, points per bucket mean up to a week and a day; null: the width
    /// of the <c>gbm</c> seasonal lags' smoothing (5 points where a day holds at least 96, else 1), so a lag reads a mean
    /// of as many points as it averages now.
    /// </summary>
    public int? HistoryDownsample { get; set; }

    /// <summary>
    /// Options for the live predictor: background training (a decision never waits for a model) and history plus
    /// models persisted under <paramref name="stateDirectory"/> (a local directory rather than a compacted topic: the
    /// ML.NET model zips are binary blobs of hundreds of KB and only the predictor's own restart needs them).
    /// </summary>
    public static PredictiveOptions Live(string stateDirectory = "state/predictive") => new()
    {
        Trainer = TrainerModes.Background,
        StateDirectory = stateDirectory,
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid option.</summary>
    public void Validate()
    {
        ForecasterRegistry.EnsureKnown(Forecaster);
        ForecasterRegistry.EnsureKnown(Reference);
        Forecasting.Validate();
        Sla?.Validate();
        if (!(TargetUtilization > 0 && TargetUtilization <= 1)) throw new ArgumentException($"Predictive.TargetUtilization: must be in (0, 1], was {TargetUtilization}");
        if (UpperBoundUtilization is { } u && !(u > 0 && u <= 1)) throw new ArgumentException($"Predictive.UpperBoundUtilization: must be in (0, 1], was {u}");
        if (ExpectedUtilization is { } e && !(e > 0 && e <= 1)) throw new ArgumentException($"Predictive.ExpectedUtilization: must be in (0, 1], was {e}");
        if (!(Tolerance >= 0)) throw new ArgumentException($"Predictive.Tolerance: must be >= 0, was {Tolerance}");
        if (StartupDelay < TimeSpan.Zero) throw new ArgumentException($"Predictive.StartupDelay: must be >= 0, was {StartupDelay}");
        if (CapacityPerReplica is { } c && !(c > 0)) throw new ArgumentException($"Predictive.CapacityPerReplica: must be > 0, was {c}");
        if (!(CapacitySmoothing > 0 && CapacitySmoothing <= 1)) throw new ArgumentException($"Predictive.CapacitySmoothing: must be in (0, 1], was {CapacitySmoothing}");
        if (ScaleDownStabilization < TimeSpan.Zero) throw new ArgumentException($"Predictive.ScaleDownStabilization: must be >= 0, was {ScaleDownStabilization}");
        if (SurpriseWindows < 1) throw new ArgumentException($"Predictive.SurpriseWindows: must be >= 1, was {SurpriseWindows}");
        if (RecurringDays < 0) throw new ArgumentException($"Predictive.RecurringDays: must be >= 0, was {RecurringDays}");
        if (MaxScaleUpStep < 1) throw new ArgumentException($"Predictive.MaxScaleUpStep: must be >= 1, was {MaxScaleUpStep}");
        if (!(MaxScaleDownFraction > 0 && MaxScaleDownFraction <= 1)) throw new ArgumentException($"Predictive.MaxScaleDownFraction: must be in (0, 1], was {MaxScaleDownFraction}");
        if (MinScoredForDrift < 1) throw new ArgumentException($"Predictive.MinScoredForDrift: must be >= 1, was {MinScoredForDrift}");
        if (!TrainerModes.All.Contains(Trainer)) throw new ArgumentException($"Predictive.Trainer: unknown mode '{Trainer}'; known modes: {string.Join(", ", TrainerModes.All)}");
        if (HistoryFullResolution is { } full && full <= TimeSpan.Zero) throw new ArgumentException($"Predictive.HistoryFullResolution: must be positive, was {full}");
        if (HistoryDownsample is { } k && k < 1) throw new ArgumentException($"Predictive.HistoryDownsample: must be >= 1, was {k}");
        if (HistoryDays < 2) throw new ArgumentException($"Predictive.HistoryDays: must be >= 2, was {HistoryDays}");
    }
}
