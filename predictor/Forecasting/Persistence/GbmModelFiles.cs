using System.Text.Json;
using Microsoft.ML;
using Pipeline.Predictor.Forecasting.Gbm;

namespace Pipeline.Predictor.Forecasting.Persistence;

/// <summary>
/// A <c>gbm</c> model on disk: <c>meta.json</c> (with the SHA-256 of every model file) plus one ML.NET model zip per
/// horizon (<c>MLContext.Model.Save</c>), in a versioned folder <c>&lt;name&gt;.v&lt;time&gt;</c> named by the pointer file
/// <c>&lt;name&gt;.current</c>, which is replaced atomically once the folder is complete: a crash leaves the previous model or
/// the new one, never half of one; a file changed afterwards fails its checksum and the model is retrained.
/// </summary>
internal static class GbmModelFiles
{
    private sealed record Meta(int Version, long TrainedThrough, int TrainingExamples, int Horizons, Dictionary<string, string>? Sha256 = null);

    public static void Write(string directory, GbmModel model)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(directory))!;
        var name = Path.GetFileName(directory);
        var version = $"{name}.v{DateTime.UtcNow:yyyyMMddTHHmmssfffffff}{Guid.NewGuid():N}"[..(name.Length + 34)];
        var target = Path.Combine(parent, version);
        Directory.CreateDirectory(target);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var h = 1; h <= model.Horizons; h++)
        {
            var file = Path.Combine(target, $"h{h}.zip");
            model.Context.Model.Save(model.Models[h - 1], model.Schema, file);
            hashes[$"h{h}.zip"] = Checksum.OfFile(file);
        }
        var meta = JsonSerializer.SerializeToUtf8Bytes(new Meta(2, model.TrainedThrough, model.TrainingExamples, model.Horizons, hashes));
        AtomicFile.Write(Path.Combine(target, "meta.json"), s => s.Write(meta));
        AtomicFile.Write(directory + ".current", s => s.Write(System.Text.Encoding.UTF8.GetBytes(version)));
        foreach (var old in Directory.EnumerateDirectories(parent, name + ".v*").Append(directory))
        {
            if (Path.GetFileName(old) == version || !Directory.Exists(old)) continue;
            try { Directory.Delete(old, recursive: true); }
            catch (IOException) { } // a stale version left behind is harmless: the pointer names the current one
        }
    }

    /// <summary>The folder the pointer file of <paramref name="directory"/> names, or <paramref name="directory"/> itself (a model written before versioning).</summary>
    public static string Current(string directory)
    {
        var pointer = directory + ".current";
        if (!File.Exists(pointer)) return directory;
        var name = Path.GetFileName(directory);
        string version;
        try { version = File.ReadAllText(pointer).Trim(); }
        catch (IOException) { return directory; }
        var valid = version.StartsWith(name + ".v", StringComparison.Ordinal) && version.IndexOfAny(['/', '\\']) < 0;
        return valid ? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(directory))!, version) : directory;
    }

    /// <summary>
    /// The model in <paramref name="directory"/>, or null when absent, trained for fewer horizons than needed, or
    /// unusable; <paramref name="problem"/> then says why it is unusable (null when it is merely absent or too short).
    /// Never throws for what the files hold.
    /// </summary>
    public static GbmModel? Read(string directory, GbmOptions options, int horizons, out string? problem)
    {
        problem = null;
        directory = Current(directory);
        var metaPath = Path.Combine(directory, "meta.json");
        if (!File.Exists(metaPath)) return null;
        try
        {
            var meta = JsonSerializer.Deserialize<Meta>(File.ReadAllText(metaPath));
            if (meta is null || meta.Version is not (1 or 2)) return Unusable($"meta.json: unknown version {meta?.Version}", out problem);
            if (meta.Horizons < horizons) return null;
            for (var h = 1; h <= horizons; h++)
            {
                if (ChecksumProblem(directory, $"h{h}.zip", meta) is { } bad) return Unusable(bad, out problem);
            }
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
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Unusable($"{e.GetType().Name}: {e.Message}", out problem);
        }
    }

    /// <summary>What is wrong with <paramref name="file"/> against the checksum in <paramref name="meta"/> (version 1 has none), or null.</summary>
    private static string? ChecksumProblem(string directory, string file, Meta meta)
    {
        if (meta.Version == 1) return null;
        var path = Path.Combine(directory, file);
        if (meta.Sha256 is null || !meta.Sha256.TryGetValue(file, out var expected)) return $"meta.json: no checksum of {file}";
        if (!File.Exists(path)) return $"{file} is missing";
        return Checksum.OfFile(path) == expected ? null : $"{file}: checksum mismatch (changed after it was written)";
    }

    private static GbmModel? Unusable(string reason, out string problem)
    {
        problem = reason;
        return null;
    }
}
