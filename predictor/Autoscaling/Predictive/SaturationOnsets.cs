using System.Runtime.CompilerServices;

namespace Pipeline.Predictor.Autoscaling.Predictive;

/// <summary>
/// Where this service's load last outgrew its ready replicas: the history index of each window whose rate was above
/// what they serve at full utilization after one that was not (a saturation's onset), the newest overwriting the oldest.
/// <see cref="RecurringDemand"/> provisions such a rise when it comes back at the same time the next day, after one
/// sighting instead of <see cref="PredictiveOptions.RecurringDays"/>. Eight onsets inline (32 bytes, no array): a service
/// that saturates more often than that in a day keeps only its latest, and its older rises wait for the second sighting.
/// </summary>
internal struct SaturationOnsets
{
    private const int Capacity = 8;
    private Onsets _onsets; // history index + 1; 0 = empty
    private byte _next;
    private bool _saturated;

    /// <summary>Records the window at <paramref name="index"/>: an onset when it is <paramref name="saturated"/> and the one before was not.</summary>
    public void Observe(long index, bool saturated)
    {
        if (saturated && !_saturated && index is >= 0 and < int.MaxValue)
        {
            _onsets[_next] = (int)index + 1;
            _next = (byte)((_next + 1) % Capacity);
        }
        _saturated = saturated;
    }

    /// <summary>Whether <paramref name="index"/> is a recorded onset or up to <paramref name="span"/> windows after one.</summary>
    public readonly bool Covers(long index, int span)
    {
        for (var i = 0; i < Capacity; i++)
        {
            var onset = _onsets[i] - 1L;
            if (onset >= 0 && index >= onset && index <= onset + span) return true;
        }
        return false;
    }

    [InlineArray(Capacity)]
    private struct Onsets
    {
        private int _element;
    }
}
