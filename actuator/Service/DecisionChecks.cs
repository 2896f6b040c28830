using Pipeline.Contracts.Messages;

namespace Pipeline.Actuator.Service;

/// <summary>Structural checks of decisions before the actuator acts; each problem names the field.</summary>
internal static class DecisionChecks
{
    public static string? Problem(ScaleDecision d) =>
        string.IsNullOrWhiteSpace(d.Id) ? "invalid: id is empty"
        : string.IsNullOrWhiteSpace(d.Service) ? "invalid: service is empty"
        : d.DesiredReplicas < 0 ? $"invalid: desiredReplicas is negative ({d.DesiredReplicas})"
        : d.Mode is not (DecisionModes.Act or DecisionModes.Recommend) ? $"invalid: mode '{d.Mode}' is neither act nor recommend"
        : null;

    public static string? Problem(RouteDecision d) =>
        string.IsNullOrWhiteSpace(d.Id) ? "invalid: id is empty"
        : string.IsNullOrWhiteSpace(d.Service) ? "invalid: service is empty"
        : d.Weights is null || d.Weights.Count == 0 ? "invalid: weights is empty"
        : d.Weights.FirstOrDefault(w => !double.IsFinite(w.Value) || w.Value < 0) is { Key: not null } bad
            ? $"invalid: weights[{bad.Key}] is {bad.Value} (must be finite and non-negative)"
        : null;
}
