using System.Security.Cryptography;

namespace Pipeline.Predictor.Forecasting.Persistence;

/// <summary>SHA-256 of persisted state, so a file changed on disk (bit rot, a torn copy, an edit) is detected, not trusted.</summary>
internal static class Checksum
{
    /// <summary>Bytes of one checksum.</summary>
    public const int Bytes = 32;

    /// <summary>The checksum of <paramref name="data"/>.</summary>
    public static byte[] Of(ReadOnlySpan<byte> data) => SHA256.HashData(data);

    /// <summary>The checksum of the file at <paramref name="path"/>, lower-case hex.</summary>
    public static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Whether the last <see cref="Bytes"/> of <paramref name="file"/> are the checksum of the rest.</summary>
    public static bool Trails(ReadOnlySpan<byte> file) =>
        file.Length >= Bytes && Of(file[..^Bytes]).AsSpan().SequenceEqual(file[^Bytes..]);
}
