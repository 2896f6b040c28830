using Pipeline.Contracts.Messages;
using Pipeline.Sink.LineProtocol;

namespace Pipeline.Sink.Mapping;

/// <summary>
/// <see cref="ScaleDecision"/> → one <c>scale_decision</c> point: replicas, rule, mode, the explanation and id as
/// string fields, every input as an <c>in_*</c> field, the forecast (if any) as <c>forecast_*</c> fields and the shadow
/// policy's answer on the same window (if any) as <c>shadow_policy</c> and <c>shadow_replicas</c>.
/// </summary>
public static class ScaleDecisionPoints
{
    /// <param name="d">The decision.</param>
    /// <param name="latency">
    /// Decision latency, if known: the decision record's Kafka timestamp minus the production time of the metric sample
    /// that led to it (the <c>pipeline-origin</c> header).
    /// </param>
    public static Point From(ScaleDecision d, TimeSpan? latency = null)
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
        if (latency is { } l) point.Field("decision_latency_ms", l.TotalMilliseconds);
        if (d.WindowEnd != default) point.Field("window_lag_ms", (d.Timestamp - d.WindowEnd).TotalMilliseconds);
        if (d is { ShadowPolicy: { } shadow, ShadowReplicas: { } shadowReplicas })
            point.Field("shadow_policy", shadow).Field("shadow_replicas", shadowReplicas);
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
