using System.Text.Json;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Validation;

namespace Pipeline.Ingest.Push;

/// <summary>
/// Reads the body of a push request: one <see cref="MetricSample"/> JSON object or a JSON array of them (the metric
/// message's JSON Schema). The request is all or nothing: a malformed or invalid sample rejects the whole batch with
/// the reasons, so a client never has to find out which part of a batch was taken.
/// </summary>
internal static class PushBatch
{
    /// <summary>The samples of <paramref name="body"/>, or null with <paramref name="problem"/> saying why it is refused.</summary>
    public static IReadOnlyList<MetricSample>? Read(ReadOnlySpan<byte> body, int maxSamples, out string problem)
    {
        problem = "";
        List<MetricSample?>? samples;
        try
        {
            var trimmed = body.TrimStart(" \t\r\n"u8);
            samples = trimmed.Length > 0 && trimmed[0] == (byte)'['
                ? JsonSerializer.Deserialize<List<MetricSample?>>(body, JsonDefaults.Options)
                : [JsonSerializer.Deserialize<MetricSample>(body, JsonDefaults.Options)];
        }
        catch (JsonException e)
        {
            problem = $"malformed: {e.Message}";
            return null;
        }
        if (samples is null || samples.Count == 0)
        {
            problem = "empty: no sample in the request";
            return null;
        }
        if (samples.Count > maxSamples)
        {
            problem = $"too many samples: {samples.Count} (limit {maxSamples})";
            return null;
        }
        var problems = samples.Select((s, i) => (i, s, Problems: MetricSampleValidator.Validate(s))).Where(x => x.Problems.Count > 0).ToList();
        if (problems.Count > 0)
        {
            problem = string.Join("\n", problems.Take(10).Select(x => $"sample {x.i}: invalid: {string.Join("; ", x.Problems)}"));
            return null;
        }
        return [.. samples!];
    }
}
