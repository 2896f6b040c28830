using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Validation;

namespace Pipeline.Actuator.Service;

/// <summary>
/// Structural checks of decisions before the actuator acts; each problem names the field. The service id follows the
/// metric sample's rules (no '/', '..' or control characters), since targets use it in names and paths.
/// </summary>
internal static class DecisionChecks
{
    public static string? Problem(ScaleDecision d) =>
        string.IsNullOrWhiteSpace(d.Id) ? "invalid: id is empty"
        : MetricSampleValidator.ServiceIdProblem(d.Service) is { } service ? $"invalid: {service}"
        : d.DesiredReplicas < 0 ? $"invalid: desiredReplicas is negative ({d.DesiredReplicas})"
        : d.Mode is not (DecisionModes.Act or DecisionModes.Recommend) ? $"invalid: mode '{d.Mode}' is neither act nor recommend"
        : null;

    public static string? Problem(RouteDecision d) =>
        string.IsNullOrWhiteSpace(d.Id) ? "invalid: id is empty"
        : MetricSampleValidator.ServiceIdProblem(d.Service) is { } service ? $"invalid: {service}"
        : d.Weights is null || d.Weights.Count == 0 ? "invalid: weights is empty"
        : d.Weights.FirstOrDefault(w => !double.IsFinite(w.Value) || w.Value < 0) is { Key: not null } bad
            ? $"invalid: weights[{bad.Key}] is {bad.Value} (must be finite and non-negative)"
        : null;
}
