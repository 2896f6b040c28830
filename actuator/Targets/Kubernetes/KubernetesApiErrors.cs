using System.Net;
using System.Text.Json;
using k8s.Autorest;

namespace Pipeline.Actuator.Targets.Kubernetes;

/// <summary>
/// Turns a failed API call into an exception the actuation reports as <c>failed</c>, with the HTTP status, the API
/// server's <c>Status</c> reason and message, and what was being done.
/// </summary>
internal static class KubernetesApiErrors
{
    public static Exception Translate(Exception error, string action, TimeSpan timeout) => error switch
    {
        HttpOperationException http => new InvalidOperationException($"{action}: {Describe(http)}", http),
        OperationCanceledException => new TimeoutException($"{action}: no answer from the API server within {timeout.TotalSeconds:0.###} s"),
        HttpRequestException request => new HttpRequestException($"{action}: API server unreachable: {request.Message}", request),
        _ => error,
    };

    private static string Describe(HttpOperationException error)
    {
        var code = error.Response?.StatusCode ?? 0;
        var (reason, message) = StatusOf(error.Response?.Content);
        var meaning = code switch
        {
            HttpStatusCode.Conflict => "conflict: the scale changed since it was read (another writer); the next decision retries",
            HttpStatusCode.NotFound => "not found: no such workload (check --namespace, --workload-kind and --workloads)",
            HttpStatusCode.Forbidden => "forbidden: the credentials may not get/patch this scale subresource (RBAC)",
            HttpStatusCode.Unauthorized => "unauthorized: the credentials were rejected",
            _ => $"the API server answered {(int)code}",
        };
        return $"{meaning} (HTTP {(int)code}{(reason.Length > 0 ? " " + reason : "")}{(message.Length > 0 ? ": " + message : "")})";
    }

    private static (string Reason, string Message) StatusOf(string? content)
    {
        if (string.IsNullOrWhiteSpace(content)) return ("", "");
        try
        {
            using var json = JsonDocument.Parse(content);
            var root = json.RootElement;
            return (Text(root, "reason"), Text(root, "message"));
        }
        catch (JsonException)
        {
            return ("", content.Length > 200 ? content[..200] : content);
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
