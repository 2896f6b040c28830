using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;

namespace Pipeline.Predictor.Forecasting.Gbm;

/// <summary>
/// Fits one FastTree regression per horizon on a history snapshot (direct multi-horizon strategy). Origins are taken
/// from the newest backwards with a stride chosen so each model sees at most <see cref="GbmOptions.MaxTrainingRows"/>
/// rows spread over the whole snapshot, which bounds training time whatever the history length.
/// </summary>
internal static class GbmTrainer
{
    public static GbmModel? Train(RateHistory snapshot, GbmOptions options, int horizons)
    {
        var clock = Stopwatch.StartNew();
        var context = new MLContext(options.Seed);
        var models = new ITransformer[horizons];
        DataViewSchema? schema = null;
        var examples = 0;
        for (var h = 1; h <= horizons; h++)
        {
            var rows = Rows(snapshot, h, options.MaxTrainingRows);
            if (rows.Count < options.MinTrainingRows) return null;
            examples += rows.Count;
            var data = context.Data.LoadFromEnumerable(rows);
            schema ??= data.Schema;
            models[h - 1] = Fit(context, data, options);
        }
        return new GbmModel(context, schema!, models, snapshot.Count, examples, clock.Elapsed);
    }

    /// <summary>
    /// Fits one FastTree regression (the options' trees and leaves) on <paramref name="data"/>, on the calling thread
    /// only: FastTree's thread count is process-wide (the first trainer's), and any count above one routes its subtasks
    /// through <see cref="InlineTaskScheduler"/>.
    /// </summary>
    public static ITransformer Fit(MLContext context, IDataView data, GbmOptions options) =>
        InlineTaskScheduler.Run(() => context.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            NumberOfTrees = options.Trees,
            NumberOfLeaves = options.Leaves,
            MinimumExampleCountPerLeaf = options.MinExamplesPerLeaf,
            LearningRate = options.LearningRate,
            NumberOfThreads = 2,
            FeatureColumnName = nameof(GbmRow.Features),
            LabelColumnName = nameof(GbmRow.Label),
        }).Fit(data));

    /// <summary>The row of origin <paramref name="t"/> and horizon <paramref name="h"/> (features and label).</summary>
    public static GbmRow Row(RateHistory history, long t, int h)
    {
        var row = new GbmRow();
        GbmFeatures.Write(history, t, h, row.Features);
        row.Label = (float)(GbmFeatures.Y(history, t + h) - GbmFeatures.Level(history, t));
        return row;
    }

    /// <summary>
    /// Rows the model of horizon <paramref name="h"/> can learn from, newest first, at most <paramref name="max"/>. In a
    /// compact history, origins older than <see cref="RateHistory.FullResolutionFrom"/> read bucket means: smoothed rows,
    /// still more like the series than none (training on the full-resolution span only cost 7% more replica-hours on the
    /// simulator's flash-crowd shape).
    /// </summary>
    public static List<GbmRow> Rows(RateHistory snapshot, int h, int max)
    {
        var first = snapshot.FirstIndex + GbmFeatures.Lookback - 1;
        var last = snapshot.LastIndex - h;
        var available = last - first + 1;
        var rows = new List<GbmRow>((int)Math.Clamp(available, 0, max));
        if (available <= 0) return rows;
        var stride = Math.Max(1, (available + max - 1) / max);
        for (var t = last; t >= first && rows.Count < max; t -= stride)
        {
            rows.Add(Row(snapshot, t, h));
        }
        return rows;
    }
}
