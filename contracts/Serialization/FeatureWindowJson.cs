using System.Buffers;
using System.Text.Json;
using Pipeline.Contracts.Messages;

namespace Pipeline.Contracts.Serialization;

/// <summary>
/// Writes a <see cref="FeatureWindow"/> with a <see cref="Utf8JsonWriter"/> into a per-thread reused buffer: the same
/// bytes as the serializer with <see cref="JsonDefaults.Options"/> (camelCase, declaration order, NaN and infinities as
/// the named literals "NaN", "Infinity", "-Infinity", null members left out), without its reflection-driven write
/// stack. <see cref="JsonSerde{T}"/> uses it for every feature window.
/// </summary>
public static class FeatureWindowJson
{
    private const int MaxKeptBytes = 64 * 1024;
    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;
    [ThreadStatic] private static Utf8JsonWriter? _writer;

    /// <summary>The UTF-8 JSON of <paramref name="window"/>.</summary>
    public static byte[] Serialize(FeatureWindow window)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var writer = _writer ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true });
        writer.Reset(buffer);
        FeatureWindowWriter.Write(writer, window);
        writer.Flush();
        var bytes = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > MaxKeptBytes) (_buffer, _writer) = (null, null); // a rare huge window does not pin its buffer
        return bytes;
    }
}
