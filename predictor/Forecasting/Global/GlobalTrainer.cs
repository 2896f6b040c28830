using System.Diagnostics;
using Microsoft.ML;
using Pipeline.Predictor.Forecasting.Gbm;

namespace Pipeline.Predictor.Forecasting.Global;

/// <summary>
/// One global training round, in two halves: <see cref="Sample"/> reads the live histories (on the decision thread,
/// like a snapshot) and <see cref="Fit"/> fits one FastTree per horizon on the rows (anywhere; pure and deterministic).
/// </summary>
internal static class GlobalTrainer
{
    /// <summary>Training rows per horizon (index h − 1) from the sampled origins of <paramref name="members"/>.</summary>
    public static List<GbmRow>[] Sample(IReadOnlyList<RateHistory> members, int horizons, ForecastingOptions options)
    {
        var origins = GlobalRowSampler.Origins(members, horizons, options.GlobalGbm, options.Gbm.Seed);
        var rows = new List<GbmRow>[horizons];
        for (var h = 1; h <= horizons; h++)
        {
            rows[h - 1] = new List<GbmRow>(origins.Count);
            foreach (var (history, t) in origins) rows[h - 1].Add(GbmTrainer.Row(history, t, h));
        }
        return rows;
    }

    /// <summary>The model of one round; null when there are fewer rows than <see cref="GbmOptions.MinTrainingRows"/>.</summary>
    public static GbmModel? Fit(List<GbmRow>[] rows, long trainedThrough, GbmOptions options)
    {
        if (rows.Length == 0 || rows[0].Count < options.MinTrainingRows) return null;
        var clock = Stopwatch.StartNew();
        var context = new MLContext(options.Seed);
        var models = new ITransformer[rows.Length];
        DataViewSchema? schema = null;
        for (var h = 0; h < rows.Length; h++)
        {
            var data = context.Data.LoadFromEnumerable(rows[h]);
            schema ??= data.Schema;
            models[h] = GbmTrainer.Fit(context, data, options);
        }
        return new GbmModel(context, schema!, models, trainedThrough, rows.Sum(r => r.Count), clock.Elapsed);
    }
}
