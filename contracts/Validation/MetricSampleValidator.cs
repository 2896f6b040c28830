using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Contracts.Messages;

namespace Pipeline.Contracts.Validation;

/// <summary>
/// Checks a <see cref="MetricSample"/> before any stage uses it. Each problem is reported as
/// "<c>field: problem, was value</c>" with the field named as in the JSON message (camelCase), so a dead letter's reason
/// tells the producer exactly what to fix.
/// </summary>
public static partial class MetricSampleValidator
{
    /// <summary>Longest accepted service id.</summary>
    public const int MaxServiceLength = 128;

    /// <summary>Longest accepted replica id.</summary>
    public const int MaxReplicaLength = 253;

    /// <summary>Longest accepted collection interval, in seconds (one hour).</summary>
    public const double MaxIntervalSeconds = 3600;

    /// <summary>Every problem with the sample; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(MetricSample? sample)
    {
        if (sample is null) return ["message: must be a JSON object, was null"];
        // One list per thread, copied out only when there are problems: a valid sample (the common case) allocates nothing.
        var errors = t_errors ??= [];
        errors.Clear();
        if (sample.Version != MetricSample.CurrentVersion)
            errors.Add($"version: must be {MetricSample.CurrentVersion}, was {sample.Version}");
        CheckService(sample.Service, errors);
        CheckReplica(sample.Replica, errors);
        if (sample.Timestamp == default)
            errors.Add("timestamp: is required");
        if (!double.IsFinite(sample.IntervalSeconds) || sample.IntervalSeconds <= 0 || sample.IntervalSeconds > MaxIntervalSeconds)
            errors.Add($"intervalSeconds: must be > 0 and <= {MaxIntervalSeconds.ToString(CultureInfo.InvariantCulture)}, was {Format(sample.IntervalSeconds)}");
        NonNegative("requests", sample.Requests, errors);
        NonNegative("completed", sample.Completed, errors);
        NonNegative("errors", sample.Errors, errors);
        if (sample.Errors > sample.Completed && sample.Errors >= 0 && sample.Completed >= 0)
            errors.Add($"errors: must be <= completed ({sample.Completed}), was {sample.Errors}");
        if (!double.IsFinite(sample.Utilization) || sample.Utilization < 0 || sample.Utilization > 1)
            errors.Add($"utilization: must be between 0 and 1, was {Format(sample.Utilization)}");
        NonNegative("inFlight", sample.InFlight, errors);
        CheckLatency(sample, errors);
        if (sample.MemoryBytes is < 0)
            errors.Add($"memoryBytes: must be >= 0, was {sample.MemoryBytes}");
        return errors.Count == 0 ? [] : errors.ToArray();
    }

    [ThreadStatic] private static List<string>? t_errors;

    /// <summary>True when the sample is valid; otherwise <paramref name="reason"/> joins every problem with "; ".</summary>
    public static bool TryValidate(MetricSample? sample, out string reason)
    {
        var errors = Validate(sample);
        reason = string.Join("; ", errors);
        return errors.Count == 0;
    }

    /// <summary>
    /// Whether <paramref name="service"/> is a valid service id: letters, digits, '.', '_' or '-', 1..128 characters, and
    /// not only dots (<c>.</c> and <c>..</c> would name a directory outside a state directory keyed by service).
    /// </summary>
    public static bool IsValidServiceId(string? service) => ServiceIdProblem(service) is null;

    /// <summary>What is wrong with <paramref name="service"/> as a service id ("service: ..."), or null when it is valid.</summary>
    public static string? ServiceIdProblem(string? service) =>
        string.IsNullOrEmpty(service) ? "service: is required"
        : service.Length > MaxServiceLength ? $"service: must be at most {MaxServiceLength} characters, was {service.Length}"
        : !ServiceIdPattern().IsMatch(service) ? $"service: must match {ServiceIdPattern()}, was \"{Truncate(service)}\""
        : service.All(c => c == '.') ? $"service: must not be only dots (a relative path), was \"{service}\""
        : null;

    private static void CheckService(string? service, List<string> errors)
    {
        if (ServiceIdProblem(service) is { } problem) errors.Add(problem);
    }

    private static void CheckReplica(string? replica, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(replica))
            errors.Add("replica: is required");
        else if (replica.Length > MaxReplicaLength)
            errors.Add($"replica: must be at most {MaxReplicaLength} characters, was {replica.Length}");
        else if (replica.Any(char.IsControl))
            errors.Add($"replica: must not contain control characters, was \"{Truncate(replica)}\"");
    }

    private static void CheckLatency(MetricSample sample, List<string> errors)
    {
        var counts = sample.LatencyCounts;
        if (counts is null)
            errors.Add("latencyCounts: must be an array (possibly empty), was null");
        else if (counts.Length != 0 && counts.Length != LatencyBuckets.Count)
            errors.Add($"latencyCounts: must have 0 or {LatencyBuckets.Count} entries, had {counts.Length}");
        else
        {
            for (var i = 0; i < counts.Length; i++)
            {
                if (counts[i] >= 0) continue;
                errors.Add($"latencyCounts[{i}]: must be >= 0, was {counts[i]}");
                break;
            }
        }
        if (!double.IsFinite(sample.LatencySumMs) || sample.LatencySumMs < 0)
            errors.Add($"latencySumMs: must be >= 0, was {Format(sample.LatencySumMs)}");
    }

    private static void NonNegative(string field, long value, List<string> errors)
    {
        if (value < 0) errors.Add($"{field}: must be >= 0, was {value}");
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Truncate(string value) => value.Length <= 64 ? value : value[..64] + "...";

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex ServiceIdPattern();
}
