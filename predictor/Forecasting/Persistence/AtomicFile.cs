namespace Pipeline.Predictor.Forecasting.Persistence;

/// <summary>
/// Writes a file so that readers see the old content or the new, never a torn one: a temporary file of a unique name
/// next to it, flushed to disk, then renamed over it (rename is atomic within a directory).
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Moves a file that cannot be read out of the way (<c>&lt;path&gt;.corrupt-&lt;utc time&gt;</c>) and returns the new path.</summary>
    public static string SetAside(string path, DateTimeOffset now)
    {
        var aside = $"{path}.corrupt-{now.UtcDateTime:yyyyMMddTHHmmssfff}";
        File.Move(path, aside, overwrite: true);
        return aside;
    }
}
