namespace Pipeline.Runtime.Kafka;

/// <summary>The file <c>pipeline broker</c> writes its bootstrap address to, and the other commands read by default.</summary>
public static class BootstrapFile
{
    /// <summary>Environment variable that overrides <see cref="DefaultPath"/>.</summary>
    public const string PathVariable = "PIPELINE_BOOTSTRAP_FILE";

    /// <summary><c>$PIPELINE_BOOTSTRAP_FILE</c>, else <c>.pipeline/bootstrap</c> under the current directory.</summary>
    public static string DefaultPath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path
            ? path
            : Path.Combine(Environment.CurrentDirectory, ".pipeline", "bootstrap");

    /// <summary>Writes the bootstrap address atomically (temp file + rename), creating the folder.</summary>
    public static void Write(string path, string bootstrapServers)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        File.WriteAllText(temp, bootstrapServers + "\n");
        File.Move(temp, full, overwrite: true);
    }

    /// <summary>Reads the bootstrap address, or null when the file does not exist or is empty.</summary>
    public static string? TryRead(string path)
    {
        if (!File.Exists(path)) return null;
        var text = File.ReadAllText(path).Trim();
        return text.Length == 0 ? null : text;
    }
}
