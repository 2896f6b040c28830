using System.Text.Json;

namespace Pipeline.Contracts.Serialization;

/// <summary>
/// A double property as <see cref="JsonDefaults.Options"/> writes it (<c>AllowNamedFloatingPointLiterals</c>): a JSON
/// number when finite, else the string "NaN", "Infinity" or "-Infinity".
/// </summary>
internal static class JsonDouble
{
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double value)
    {
        writer.WritePropertyName(name);
        Value(writer, value);
    }

    public static void Write(Utf8JsonWriter writer, string name, double value)
    {
        writer.WritePropertyName(name);
        Value(writer, value);
    }

    private static void Value(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumberValue(value);
        else writer.WriteStringValue(double.IsNaN(value) ? "NaN"u8 : value > 0 ? "Infinity"u8 : "-Infinity"u8);
    }
}
