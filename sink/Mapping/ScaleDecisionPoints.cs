using Pipeline.Contracts.Messages;
using Pipeline.Sink.LineProtocol;

namespace Pipeline.Sink.Mapping;

/// <summary>
/// <see cref="ScaleDecision"/> → one <c>scale_decision</c> point: replicas, rule, mode, the explanation and id as
/// string fields, every input as an <c>in_*</c> field and the forecast (if any) as <c>forecast_*</c> fields.
/// </summary>
public static class ScaleDecisionPoints
{
    /// <param name="d">The decision.</param>
    /// <param name="publishedAt">Kafka record timestamp of the decision, if known; the decision latency is measured to it.</param>
    public static Point From(ScaleDecision d, DateTimeOffset? publishedAt = null)
    {
        var point = new Point(Measurements.ScaleDecision, d.Timestamp)
            .Tag(TagKeys.Service, d.Service)
            .Tag(TagKeys.Policy, d.Policy)
            .Field("current_replicas", d.CurrentReplicas)
            .Field("desired_replicas", d.DesiredReplicas)
            .Field("delta", d.DesiredReplicas - d.CurrentReplicas)
            .Field("rule", d.Rule)
            .Field("mode", d.Mode)
            .Field("explanation", d.Explanation)
            .Field("decision_id", d.Id);
        if (d.WindowEnd != default)
            point.Field("decision_latency_ms", ((publishedAt ?? d.Timestamp) - d.WindowEnd).TotalMilliseconds);
        foreach (var (key, value) in d.Inputs.OrderBy(p => p.Key, StringComparer.Ordinal))
            point.Field(FieldNames.Prefixed("in_", key), value);
        if (d.Forecast is { } f)
        {
            point.Field("forecast_model", f.Model)
                .Field("forecast_horizon_s", f.HorizonSeconds)
                .Field("forecast_value", f.Value)
                .Field("forecast_lower", f.Lower)
                .Field("forecast_upper", f.Upper)
                .Field("forecast_coverage", f.Coverage)
                .Field("forecast_smape", f.RecentSmape);
        }
        return point;
    }
}
