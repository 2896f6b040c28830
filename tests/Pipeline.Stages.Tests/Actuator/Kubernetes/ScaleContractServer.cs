using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Pipeline.TestSupport.Influx;

namespace Pipeline.Stages.Tests.Actuator.Kubernetes;

/// <summary>
/// A real HTTP server (Kestrel, loopback) implementing the documented apps/v1 scale subresource and workload reads:
/// <c>GET/PUT/PATCH /apis/apps/v1/namespaces/{ns}/{deployments|statefulsets}/{name}/scale</c> (merge patch, <c>dryRun</c>,
/// <c>fieldManager</c>, <c>metadata.resourceVersion</c> precondition answering 409) and <c>GET .../{name}</c>; missing
/// workloads answer 404, forbidden namespaces 403, and <see cref="FailNext"/> a 500 — each as a <c>Status</c> object.
/// </summary>
internal sealed class ScaleContractServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, ContractWorkload> _workloads = new();

    private ScaleContractServer(WebApplication app, Uri url) => (_app, Url) = (app, url);

    public Uri Url { get; }

    public ConcurrentQueue<string> Requests { get; } = new();

    public HashSet<string> ForbiddenNamespaces { get; } = [];

    /// <summary>Answers the next request with 500.</summary>
    public bool FailNext { get; set; }

    /// <summary>Runs once a scale GET's answer is taken: a concurrent writer changing the workload before the client writes.</summary>
    public Action<ContractWorkload>? AfterRead { get; set; }

    public ContractWorkload Add(string resource, string ns, string name, int replicas) =>
        _workloads[$"{resource}/{ns}/{name}"] = new ContractWorkload(resource, ns, name, replicas);

    public static async Task<ScaleContractServer> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var server = new ScaleContractServer(app, new Uri($"http://127.0.0.1:{port}"));
        app.Map("/apis/apps/v1/namespaces/{ns}/{resource}/{name}/{**sub}", server.HandleAsync);
        app.Map("/apis/apps/v1/namespaces/{ns}/{resource}/{name}", server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    private async Task<IResult> HandleAsync(HttpContext context, string ns, string resource, string name, string? sub)
    {
        var request = context.Request;
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        Requests.Enqueue($"{request.Method} {request.Path}{request.QueryString} {request.ContentType} {body}".TrimEnd());
        if (FailNext) { FailNext = false; return Status(500, "InternalError", "Internal error occurred: etcdserver: request timed out"); }
        if (ForbiddenNamespaces.Contains(ns))
            return Status(403, "Forbidden", $"{resource}.apps \"{name}\" is forbidden: User \"system:serviceaccount:pipeline:actuator\" cannot {request.Method.ToLowerInvariant()} resource \"{resource}/scale\" in API group \"apps\" in the namespace \"{ns}\"");
        if (!_workloads.TryGetValue($"{resource}/{ns}/{name}", out var workload) || sub is not (null or "scale"))
            return Status(404, "NotFound", $"{resource}.apps \"{name}\" not found");
        if (sub is null) return request.Method == "GET" ? Results.Json(workload.Object()) : Status(405, "MethodNotAllowed", "only GET here");
        switch (request.Method)
        {
            case "GET":
                var answer = Results.Json(workload.Scale()); // a snapshot: the concurrent writer changes the workload after it
                AfterRead?.Invoke(workload);
                return answer;
            case "PATCH" when request.ContentType?.StartsWith("application/merge-patch+json", StringComparison.Ordinal) == true:
            case "PUT":
                return Write(workload, JsonNode.Parse(body)!, request.Query["dryRun"] == "All");
            default:
                return Status(415, "UnsupportedMediaType", $"the body of the request was in an unknown format - accepted media types include: application/merge-patch+json (got {request.ContentType})");
        }
    }

    private IResult Write(ContractWorkload workload, JsonNode patch, bool dryRun)
    {
        var version = patch["metadata"]?["resourceVersion"]?.GetValue<string>();
        if (version is not null && version != workload.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            return Status(409, "Conflict", $"Operation cannot be fulfilled on {workload.Resource}.apps \"{workload.Name}\": the object has been modified; please apply your changes to the latest version and try again");
        if (patch["spec"]?["replicas"] is not { } replicasNode || replicasNode.GetValueKind() != JsonValueKind.Number || replicasNode.GetValue<int>() < 0)
            return Status(422, "Invalid", $"Scale.autoscaling \"{workload.Name}\" is invalid: spec.replicas: Invalid value: must be greater than or equal to 0");
        var replicas = replicasNode.GetValue<int>();
        if (dryRun) return Results.Json(new ContractWorkload(workload.Resource, workload.Namespace, workload.Name, replicas) { ResourceVersion = workload.ResourceVersion, Running = workload.Running }.Scale());
        if (replicas != workload.Replicas) { workload.Replicas = replicas; workload.ResourceVersion++; }
        return Results.Json(workload.Scale());
    }

    private static IResult Status(int code, string reason, string message) => Results.Json(
        new { kind = "Status", apiVersion = "v1", metadata = new { }, status = "Failure", message, reason, code }, statusCode: code);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
