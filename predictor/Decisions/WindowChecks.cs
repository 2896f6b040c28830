using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Validation;

namespace Pipeline.Predictor.Decisions;

/// <summary>Consistency checks of a feature window before a policy sees it; each problem names the field.</summary>
public static class WindowChecks
{
    /// <summary>The first problem of <paramref name="w"/>, or null when it can be decided on.</summary>
    public static string? Problem(FeatureWindow w) =>
        MetricSampleValidator.ServiceIdProblem(w.Service) is { } service ? $"invalid: {service}"
        : w.WindowEnd <= w.WindowStart ? $"invalid: windowEnd ({w.WindowEnd:O}) is not after windowStart ({w.WindowStart:O})"
        : w.Replicas < 0 || w.ReadyReplicas < 0 ? "invalid: replicas and readyReplicas must be >= 0"
        : w.ReadyReplicas > w.Replicas ? $"invalid: readyReplicas ({w.ReadyReplicas}) exceeds replicas ({w.Replicas})"
        : !double.IsFinite(w.RequestRate) || w.RequestRate < 0 ? $"invalid: requestRate must be finite and >= 0, was {w.RequestRate}"
        : !double.IsFinite(w.Utilization) || w.Utilization < 0 ? $"invalid: utilization must be finite and >= 0, was {w.Utilization}"
        : null;
}
