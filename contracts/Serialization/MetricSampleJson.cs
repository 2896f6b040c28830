using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Pipeline.Contracts.Messages;

namespace Pipeline.Contracts.Serialization;

/// <summary>
/// Reads the plain shape of a <see cref="MetricSample"/> (camelCase names, each at most once, numbers as JSON numbers, no
/// unknown fields) straight off a <see cref="Utf8JsonReader"/>, about 3x faster than the serializer. Anything else (other
/// casing, named literals such as "NaN", nulls, duplicates, malformed JSON) returns false: read it with
/// <see cref="JsonSerde{T}"/>, which gives the same result for what this reads and the error messages for the rest.
/// </summary>
public static class MetricSampleJson
{
    private static readonly MetricSample Defaults = new() { Service = "", Replica = "", Timestamp = default };

    /// <summary>The sample in <paramref name="json"/>, or false when it is not in the plain shape (not necessarily invalid).</summary>
    public static bool TryRead(ReadOnlySpan<byte> json, [NotNullWhen(true)] out MetricSample? sample)
    {
        sample = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            var fields = new MetricSampleFields(Defaults);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueIsEscaped || !fields.TryRead(ref reader)) return false;
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read()) return false;
            return fields.TryBuild(out sample);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return false; // malformed JSON or text that is not UTF-8: the serializer says what is wrong
        }
    }
}
