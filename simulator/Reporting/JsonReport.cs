using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Simulator.Evaluation;

namespace Pipeline.Simulator.Reporting;

/// <summary>Writes <c>{"runs":[...]}</c> with exactly the fields of <see cref="RunResult"/> (camelCase; undefined values as null).</summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The JSON text.</summary>
    public static string Serialize(IEnumerable<RunResult> runs) => JsonSerializer.Serialize(new Document([.. runs]), Options);

    /// <summary>Writes the JSON file (creating its directory).</summary>
    public static void Write(string path, IEnumerable<RunResult> runs)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        File.WriteAllText(path, Serialize(runs));
    }

    private sealed record Document(IReadOnlyList<RunResult> Runs);
}
