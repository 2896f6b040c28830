using Pipeline.Predictor.Forecasting.Gbm;

namespace Pipeline.Predictor.Forecasting.Global;

/// <summary>
/// Chooses the forecast origins of one global training round: at most <see cref="GlobalGbmOptions.MaxTrainingRows"/>
/// over all services, an equal share each (one each for a random subset when there are more services than rows), taken
/// from each service's newest <see cref="GlobalGbmOptions.OriginWindow"/> (at least <see cref="GlobalGbmOptions.MinOriginPoints"/>) with a density falling as age^(1/<see cref="GlobalGbmOptions.Recency"/> − 1)
/// (1/√age by default), so recent behaviour weighs most. Deterministic for a seed and a member order; its cost grows with the rows, and with the
/// services only through one pass over the list.
/// </summary>
internal static class GlobalRowSampler
{
    public static List<(RateHistory History, long Origin)> Origins(IReadOnlyList<RateHistory> members, int horizons, GlobalGbmOptions options, int seed)
    {
        var random = new Random(seed);
        var eligible = members.Where(m => Window(m, horizons, options).Count > 0).ToList();
        var max = options.MaxTrainingRows;
        var origins = new List<(RateHistory, long)>((int)Math.Min(max, eligible.Sum(m => Window(m, horizons, options).Count)));
        if (eligible.Count > max)
        {
            for (var i = 0; i < max; i++)
            {
                var j = random.Next(i, eligible.Count);
                (eligible[i], eligible[j]) = (eligible[j], eligible[i]);
            }
            eligible.RemoveRange(max, eligible.Count - max);
        }
        for (var i = 0; i < eligible.Count; i++)
        {
            var quota = max / eligible.Count + (i < max % eligible.Count ? 1 : 0);
            Take(eligible[i], Window(eligible[i], horizons, options), quota, options.Recency, random, origins);
        }
        return origins;
    }

    /// <summary>The newest origin whose every horizon's target is held, and how many origins of the window can be used.</summary>
    public static (long Last, long Count) Window(RateHistory history, int horizons, GlobalGbmOptions options)
    {
        var last = history.LastIndex - horizons;
        var span = options.OriginPoints(history.Step);
        var first = Math.Max(history.FirstIndex + GbmFeatures.Lookback - 1, last - span + 1);
        return (last, Math.Max(0, last - first + 1));
    }

    private static void Take(RateHistory history, (long Last, long Count) window, int quota, double recency, Random random, List<(RateHistory, long)> origins)
    {
        if (quota >= window.Count)
        {
            for (var t = window.Last; t > window.Last - window.Count; t--) origins.Add((history, t));
            return;
        }
        var previous = -1L;
        for (var k = 0; k < quota; k++)
        {
            var fraction = (k + random.NextDouble()) / quota;
            var age = Math.Min(window.Count - 1, (long)(window.Count * Math.Pow(fraction, recency)));
            if (age == previous) continue;
            origins.Add((history, window.Last - age));
            previous = age;
        }
    }
}
