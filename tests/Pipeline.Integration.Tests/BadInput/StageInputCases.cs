using System.Text;
using System.Text.Json;
using Pipeline.Contracts.Messages;
using Pipeline.Contracts.Serialization;
using Pipeline.Contracts.Topics;

namespace Pipeline.Integration.Tests.BadInput;

/// <summary>
/// Bad records for the later stages' inputs: feature windows (the predictor's <c>WindowChecks</c>), actuation results
/// (read by the predictor) and scale and route decisions (the actuator's <c>DecisionChecks</c>).
/// </summary>
internal static class StageInputCases
{
    public static IEnumerable<BadInputCase> FeatureWindows(DateTimeOffset t0)
    {
        var w = new FeatureWindow { Service = "corpus-window", WindowStart = t0, WindowEnd = t0.AddSeconds(15), Replicas = 2, ReadyReplicas = 2 };
        BadInputCase Case(string kind, object value, string reason) => new(kind, TopicNames.Features, "corpus-window", Json(value), reason);
        yield return new("window: JSON array", TopicNames.Features, "corpus-window", "[1,2,3]"u8.ToArray(), "malformed");
        yield return new("window: empty value", TopicNames.Features, "corpus-window", [], "empty");
        yield return new("window: windowEnd missing", TopicNames.Features, "corpus-window", Encoding.UTF8.GetBytes($"{{\"service\":\"w\",\"windowStart\":\"{t0:O}\"}}"), "malformed");
        yield return Case("window: end before start", w with { WindowEnd = t0.AddSeconds(-15) }, "invalid: windowEnd");
        yield return Case("window: service ..", w with { Service = ".." }, "invalid: service: must not be only dots");
        yield return Case("window: service with /", w with { Service = "x/../y" }, "invalid: service: must match");
        yield return Case("window: replicas negative", w with { Replicas = -1 }, "invalid: replicas and readyReplicas");
        yield return Case("window: readyReplicas over replicas", w with { ReadyReplicas = 3 }, "invalid: readyReplicas (3) exceeds");
        yield return Case("window: requestRate NaN", w with { RequestRate = double.NaN }, "invalid: requestRate");
        yield return Case("window: requestRate negative", w with { RequestRate = -5 }, "invalid: requestRate");
        yield return Case("window: utilization Infinity", w with { Utilization = double.PositiveInfinity }, "invalid: utilization");
        yield return Case("window: utilization negative", w with { Utilization = -0.5 }, "invalid: utilization");
    }

    public static IEnumerable<BadInputCase> Actuations(DateTimeOffset t0)
    {
        var r = new ActuationResult { DecisionId = "forged", Kind = "scale", Service = "corpus-forged", Target = "dry-run", Timestamp = t0, Status = ActuationStatuses.Applied };
        BadInputCase Case(string kind, ActuationResult value, string? reason) => new(kind, TopicNames.Actuations, value.Service, Json(value), reason);
        yield return new("actuation: not JSON", TopicNames.Actuations, "corpus-forged", "not json"u8.ToArray(), "malformed");
        yield return new("actuation: decisionId missing", TopicNames.Actuations, "corpus-forged", "{\"kind\":\"scale\",\"service\":\"s\"}"u8.ToArray(), "malformed");
        // Forged but well-formed results: processed (not dead-lettered) and not followed, their decision ids were never issued.
        yield return Case("actuation: appliedReplicas negative (forged)", r with { AppliedReplicas = -5 }, null);
        yield return Case("actuation: unknown status (forged)", r with { Status = "exploded", AppliedReplicas = 3 }, null);
        yield return Case("actuation: service .. (forged)", r with { Service = "..", AppliedReplicas = 2 }, null);
    }

    public static IEnumerable<BadInputCase> Decisions(DateTimeOffset t0)
    {
        var d = new ScaleDecision { Id = "corpus-decision/1", Service = "corpus-decision", Timestamp = t0, WindowEnd = t0, Policy = "hpa", DesiredReplicas = 2, Explanation = "forged" };
        BadInputCase Scale(string kind, ScaleDecision value, string reason) => new(kind, TopicNames.ScaleDecisions, "corpus-decision", Json(value), reason);
        yield return new("scale decision: truncated", TopicNames.ScaleDecisions, "corpus-decision", Json(d)[..30], "malformed");
        yield return Scale("scale decision: id empty", d with { Id = "" }, "invalid: id is empty");
        yield return Scale("scale decision: service ..", d with { Service = ".." }, "invalid: service: must not be only dots");
        yield return Scale("scale decision: service with a control character", d with { Service = "svc\u0007" }, "invalid: service: must match");
        yield return Scale("scale decision: desiredReplicas negative", d with { DesiredReplicas = -1 }, "invalid: desiredReplicas is negative");
        yield return Scale("scale decision: unknown mode", d with { Mode = "yolo" }, "invalid: mode 'yolo'");
        var route = new RouteDecision { Id = "corpus-route/1", Service = "corpus-decision", Timestamp = t0, Policy = "learned", Weights = new Dictionary<string, double> { ["r1"] = 1 }, Explanation = "forged" };
        BadInputCase Route(string kind, RouteDecision value, string reason) => new(kind, TopicNames.RouteDecisions, "corpus-decision", Json(value), reason);
        yield return new("route decision: JSON null", TopicNames.RouteDecisions, "corpus-decision", "null"u8.ToArray(), "malformed: value is JSON null");
        yield return Route("route decision: id empty", route with { Id = " " }, "invalid: id is empty");
        yield return Route("route decision: weights empty", route with { Weights = new Dictionary<string, double>() }, "invalid: weights is empty");
        yield return Route("route decision: weight NaN", route with { Weights = new Dictionary<string, double> { ["r1"] = double.NaN } }, "invalid: weights[r1]");
        yield return Route("route decision: weight negative", route with { Weights = new Dictionary<string, double> { ["r1"] = -1 } }, "invalid: weights[r1]");
    }

    private static byte[] Json<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, JsonDefaults.Options);
}
