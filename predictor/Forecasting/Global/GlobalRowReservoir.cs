using Pipeline.Predictor.Forecasting.Gbm;

namespace Pipeline.Predictor.Forecasting.Global;

/// <summary>
/// Training rows of a <see cref="GlobalGbm"/> captured as they become complete, for fleets whose histories hold only a
/// short span at full resolution (compact state with a short <c>--predictive-full-resolution</c>): origins sampled from
/// the histories at training time would read bucket means where a forecast reads points, rows unlike the ones the model
/// is asked about. Here each origin is offered once, when its farthest horizon's target arrives, while its look-back is
/// still at full resolution, and kept with probability <c>keep</c> (the caller's) in <c>capacity</c> slots: appended
/// while there is room, then in place of a slot drawn at random (reservoir sampling, Vitter's Algorithm R: offered with
/// keep = capacity / origins seen, the slots hold a uniform sample of everything offered; with a fixed keep, a held
/// origin's life is exponential). Per origin: its own features and its time of week once (<see cref="Shared"/>) and per
/// horizon the target's seasonal lags and the label (<see cref="PerHorizon"/>); a target's calendar features are its
/// origin's time plus h steps, computed when the rows are read. 188 bytes at 5 horizons, so memory is fixed for the fleet
/// (3.8 MB at 20,000 origins and 5 horizons), whatever its number of services. float32 as the rows were: held as float16
/// (half the memory) the NASA runs had more violations, days 1–7 0.133% against 0.072% and days 15–21 0.078% against
/// 0.046% (docs/bench/fleet.txt). Deterministic for a seed and an offer order.
/// </summary>
internal sealed class GlobalRowReservoir
{
    /// <summary>
    /// The origin's own features, the same at every horizon: f0–f7 (lags, rolling statistics), f17 (level), then its day of
    /// week and its ticks into the day as two floats of 20 bits each (exact: a day is under 2^40 ticks).
    /// </summary>
    private const int Shared = 12;

    /// <summary>Features of the target, per horizon: f8–f13 (seasonal lags and whether they are held), then the label.</summary>
    private const int PerHorizon = 7;

    private const int TickBits = 20;

    /// <summary>A Sunday (day of week 0): an origin's time is rebuilt as this plus its day of week and time of day.</summary>
    private static readonly DateTime Sunday = new(2023, 12, 31, 0, 0, 0, DateTimeKind.Utc);

    private readonly int _capacity;
    private readonly int _horizons;
    private readonly int _stride;
    private readonly long _stepTicks;
    private readonly float[] _values;
    private readonly Random _random;
    private int _count;
    private long _restoredThrough = long.MinValue;

    /// <summary>Slots for <paramref name="capacity"/> origins of histories of <paramref name="step"/>, <paramref name="horizons"/> rows each.</summary>
    public GlobalRowReservoir(int capacity, int horizons, int seed, TimeSpan step)
    {
        if (step <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(step), step, "the history step must be positive");
        (_capacity, _horizons, _stride, _stepTicks) = (capacity, horizons, Shared + horizons * PerHorizon, step.Ticks);
        _values = new float[capacity * _stride];
        _random = new Random(seed);
    }

    /// <summary>Origins held (each with one row per horizon).</summary>
    public int Count => _count;

    /// <summary>Most origins held.</summary>
    public int Capacity => _capacity;

    /// <summary>Horizons per origin.</summary>
    public int Horizons => _horizons;

    /// <summary>Step of the histories the origins come from.</summary>
    public TimeSpan Step => TimeSpan.FromTicks(_stepTicks);

    /// <summary>UTC ticks of the newest target of an origin offered so far (by this ring or the one it was restored from).</summary>
    public long OfferedThrough { get; private set; } = long.MinValue;

    /// <summary>Floats per held origin (<see cref="Shared"/> plus <see cref="PerHorizon"/> per horizon).</summary>
    public int Stride => _stride;

    /// <summary>Copies the held origins, slot by slot, into <paramref name="into"/> (<see cref="Count"/> × <see cref="Stride"/> floats).</summary>
    public void CopyTo(Span<float> into) => _values.AsSpan(0, _count * _stride).CopyTo(into);

    /// <summary>
    /// Adds origins (<see cref="Stride"/> floats each) as if captured: a restart's saved rows, saved when
    /// origins up to a target at <paramref name="offeredThrough"/> (UTC ticks) had been offered. Those are not offered
    /// again: a restored history's full-resolution span would otherwise hand the ring a second copy of rows it holds.
    /// </summary>
    public void Append(ReadOnlySpan<float> origins, long offeredThrough)
    {
        for (var o = 0; o + _stride <= origins.Length; o += _stride) origins.Slice(o, _stride).CopyTo(Slot());
        _restoredThrough = OfferedThrough = Math.Max(OfferedThrough, offeredThrough);
    }

    /// <summary>
    /// Offers the origins of <paramref name="history"/> from <paramref name="next"/> on whose every horizon's target is
    /// held, each kept with probability <paramref name="keep"/>; returns the next origin to offer. Origins offered before
    /// the rows this ring was restored from were saved are skipped (a service that lagged the fleet then loses a few
    /// origins rather than the ring holding some twice).
    /// </summary>
    public long Offer(RateHistory history, long next, double keep)
    {
        var last = history.LastIndex - _horizons;
        var first = Math.Max(next, history.FullResolutionFrom + GbmFeatures.Lookback - 1);
        if (first <= last) OfferedThrough = Math.Max(OfferedThrough, history.TimeOf(last + _horizons).UtcTicks);
        var skipThrough = SkipThrough(history);
        for (var t = first; t <= last; t++)
        {
            if (history.TimeOf(t + _horizons).UtcTicks <= skipThrough || _random.NextDouble() >= keep) continue;
            var slot = Slot();
            for (var h = 1; h <= _horizons; h++)
            {
                var row = GbmTrainer.Row(history, t, h);
                if (h == 1)
                {
                    for (var f = 0; f < 8; f++) slot[f] = row.Features[f];
                    slot[8] = row.Features[17];
                    var origin = history.TimeOf(t).UtcDateTime;
                    var ticks = origin.TimeOfDay.Ticks;
                    (slot[9], slot[10], slot[11]) = ((int)origin.DayOfWeek, ticks >> TickBits, ticks & ((1L << TickBits) - 1));
                }
                var target = slot.Slice(Shared + (h - 1) * PerHorizon, PerHorizon);
                for (var f = 8; f < 14; f++) target[f - 8] = row.Features[f];
                target[6] = row.Label;
            }
        }
        return Math.Max(next, last + 1);
    }

    /// <summary>The slot of a kept origin: the next free one, or one drawn at random when all are held.</summary>
    private Span<float> Slot() => _values.AsSpan((_count < _capacity ? _count++ : _random.Next(_capacity)) * _stride, _stride);

    /// <summary>
    /// Targets up to which <paramref name="history"/>'s origins were offered before the restore: the saved mark, unless the
    /// history ends more than its full-resolution span before it (a replay from earlier times, or a mark set by a service
    /// whose clock ran ahead), when nothing of this history can have been offered and nothing is skipped.
    /// </summary>
    private long SkipThrough(RateHistory history)
    {
        if (_restoredThrough == long.MinValue || history.Count == 0) return long.MinValue;
        var span = (history.LastIndex - history.FullResolutionFrom + 1) * _stepTicks;
        return history.TimeOf(history.LastIndex).UtcTicks >= _restoredThrough - span ? _restoredThrough : long.MinValue;
    }

    /// <summary>The held rows per horizon (index h − 1), slot by slot.</summary>
    public List<GbmRow>[] Rows()
    {
        var rows = new List<GbmRow>[_horizons];
        for (var h = 0; h < _horizons; h++) rows[h] = new List<GbmRow>(Count);
        for (var k = 0; k < _count; k++)
        {
            var slot = _values.AsSpan(k * _stride, _stride);
            var origin = Sunday.AddDays(slot[9]).AddTicks(((long)slot[10] << TickBits) + (long)slot[11]);
            for (var h = 0; h < _horizons; h++)
            {
                var target = slot.Slice(Shared + h * PerHorizon, PerHorizon);
                var row = new GbmRow { Label = target[6] };
                for (var f = 0; f < 8; f++) row.Features[f] = slot[f];
                row.Features[17] = slot[8];
                for (var f = 8; f < 14; f++) row.Features[f] = target[f - 8];
                GbmFeatures.WriteCalendar(origin.AddTicks((h + 1) * _stepTicks), row.Features.AsSpan(14));
                rows[h].Add(row);
            }
        }
        return rows;
    }
}
