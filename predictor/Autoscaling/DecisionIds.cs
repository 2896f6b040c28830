using System.Globalization;

namespace Pipeline.Predictor.Autoscaling;

/// <summary>Deterministic decision ids, so a replayed window yields the same id and the actuator applies it once.</summary>
public static class DecisionIds
{
    /// <summary><c>{service}/{policy}/{window end, ISO-8601 UTC}</c>, e.g. <c>web/hpa/2026-01-01T00:00:15.0000000Z</c>.</summary>
    public static string Create(string service, string policy, DateTimeOffset windowEnd) =>
        string.Create(CultureInfo.InvariantCulture, $"{service}/{policy}/{windowEnd.UtcDateTime:O}");
}
