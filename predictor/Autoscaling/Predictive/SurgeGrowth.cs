using System.Runtime.CompilerServices;

namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// How far this service's surprises went on rising, learned from its own past ones. A surprise (<see cref="FloorSizing"/>)
/// is seen <see cref="PredictiveOptions.SurpriseWindows"/> windows into an unforecast rise, and replicas requested then
/// serve only after the start-up delay and a window: sized for the rate at the onset, they fall short if the rise goes
/// on (a flash crowd's second minute). So each surprise's growth is recorded, the rate that many windows after its onset
/// over the rate at its onset, and kept by the surprise's size (the largest rate over the upper bound forecast for it
/// in the windows that made it, in half-octave bins, the latest per bin; the first window's, before the model has seen
/// the rise, is usually the largest): a noisy service's many small surprises do not overwrite what its large ones did.
/// A later surprise's floor sizes, until the replicas requested at its onset are ready, for its onset rate times the
/// growth of the last surprise of its size (the nearest size seen), never below the rate observed: where past surprises
/// of that size faded before the capacity came, it adds nothing, and the windows after the onset do not apply the growth
/// again to a rate that has already risen.
/// </summary>
internal struct SurgeGrowth
{
    private const int Bins = 8;
    private GrowthBins _growth; // 0 = no surprise of that size yet
    private float _onsetRate;
    private Half _streakSize; // largest size in the current run of windows above the upper bound; 0 outside one
    private byte _bin;
    private byte _windowsLeft;

    /// <summary>
    /// Records one window (<paramref name="size"/>: its rate over the upper bound forecast for it; above 1 continues a run
    /// of such windows): completes the surprise being followed, or starts following one at its <paramref name="onset"/>.
    /// </summary>
    public void Observe(double rate, bool onset, double size, int windowsToReady)
    {
        if (!(rate >= 0) || !double.IsFinite(rate)) return;
        _streakSize = size > 1 ? (Half)Math.Min(Math.Max((double)_streakSize, size), 1000) : Half.Zero;
        if (_windowsLeft > 0)
        {
            if (--_windowsLeft == 0) _growth[_bin] = (Half)Math.Clamp(rate / _onsetRate, 1, 1000);
            return;
        }
        if (!onset || !(rate > 0) || !(_streakSize > Half.One) || windowsToReady < 1) return;
        (_onsetRate, _bin, _windowsLeft) = ((float)rate, (byte)Bin((double)_streakSize), (byte)Math.Min(windowsToReady, byte.MaxValue));
    }

    /// <summary>
    /// The rate the floor sizes for at <paramref name="rate"/>: while the surprise this window belongs to is followed, its
    /// onset rate times the growth of the last surprise nearest in size, if that is higher; else the rate itself.
    /// </summary>
    public readonly double Sized(double rate) => _windowsLeft > 0 ? Math.Max(rate, _onsetRate * Growth(_bin)) : rate;

    /// <summary>The growth of the last surprise in <paramref name="bin"/> or the nearest one followed; 1 when none was.</summary>
    private readonly double Growth(int bin)
    {
        for (var d = 0; d < Bins; d++)
        {
            if (bin - d >= 0 && _growth[bin - d] > Half.Zero) return (double)_growth[bin - d];
            if (bin + d < Bins && _growth[bin + d] > Half.Zero) return (double)_growth[bin + d];
        }
        return 1;
    }

    /// <summary>Half-octave bin of a surprise's size: [1, √2), [√2, 2), [2, 2√2), …, the last open-ended.</summary>
    internal static int Bin(double size) => Math.Clamp((int)Math.Floor(2 * Math.Log2(size)), 0, Bins - 1);

    [InlineArray(Bins)]
    private struct GrowthBins
    {
        private Half _element;
    }
}
