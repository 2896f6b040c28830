using System.Text.Json;
using Microsoft.ML;
using Pipeline.Predictor.Forecasting.Gbm;

namespace Pipeline.Predictor.Forecasting.Persistence;

/// <summary>
/// A <c>gbm</c> model on disk: <c>meta.json</c> plus one ML.NET model zip per horizon (<c>MLContext.Model.Save</c>),
/// written to a temporary folder and moved into place so a crash never leaves a half-written model.
/// </summary>
internal static class GbmModelFiles
{
    private sealed record Meta(int Version, long TrainedThrough, int TrainingExamples, int Horizons);

    public static void Write(string directory, GbmModel model)
    {
        var temp = directory + ".tmp";
        if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        Directory.CreateDirectory(temp);
        for (var h = 1; h <= model.Horizons; h++)
        {
            model.Context.Model.Save(model.Models[h - 1], model.Schema, Path.Combine(temp, $"h{h}.zip"));
        }
        File.WriteAllText(Path.Combine(temp, "meta.json"), JsonSerializer.Serialize(new Meta(1, model.TrainedThrough, model.TrainingExamples, model.Horizons)));
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.Move(temp, directory);
    }

    /// <summary>The model in <paramref name="directory"/>, or null when absent, unreadable or trained for fewer horizons than needed.</summary>
    public static GbmModel? Read(string directory, GbmOptions options, int horizons)
    {
        var metaPath = Path.Combine(directory, "meta.json");
        if (!File.Exists(metaPath)) return null;
        try
        {
            var meta = JsonSerializer.Deserialize<Meta>(File.ReadAllText(metaPath));
            if (meta is null || meta.Version != 1 || meta.Horizons < horizons) return null;
            var context = new MLContext(options.Seed);
            var models = new ITransformer[horizons];
            DataViewSchema? schema = null;
            for (var h = 1; h <= horizons; h++)
            {
                models[h - 1] = context.Model.Load(Path.Combine(directory, $"h{h}.zip"), out var inputSchema);
                schema ??= inputSchema;
            }
            return new GbmModel(context, schema!, models, meta.TrainedThrough, meta.TrainingExamples, TimeSpan.Zero);
        }
        catch (Exception e) when (e is IOException or JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
