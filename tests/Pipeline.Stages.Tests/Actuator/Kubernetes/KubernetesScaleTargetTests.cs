using k8s;
using Pipeline.Actuator.Safety;
using Pipeline.Actuator.Service;
using Pipeline.Actuator.Targets;
using Pipeline.Actuator.Targets.Kubernetes;
using Pipeline.Contracts.Messages;
using Pipeline.TestSupport.Influx;

namespace Pipeline.Stages.Tests.Actuator.Kubernetes;

/// <summary>The real KubernetesClient against a contract server of the documented scale subresource API (not a cluster).</summary>
public sealed class KubernetesScaleTargetTests : IAsyncLifetime
{
    private ScaleContractServer _server = null!;

    public async Task InitializeAsync() => _server = await ScaleContractServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private Actuation Actuation(Action<KubernetesTargetOptions>? configure = null, Uri? apiServer = null)
    {
        var options = new KubernetesTargetOptions { Namespace = "shop", Timeout = TimeSpan.FromSeconds(10) };
        configure?.Invoke(options);
        var client = new k8s.Kubernetes(new KubernetesClientConfiguration { Host = (apiServer ?? _server.Url).ToString() });
        var target = ActuatorTargets.CreateDefault(options).Replace(ActuatorTargetNames.Kubernetes, () => new KubernetesScaleTarget(client, options)).Create(ActuatorTargetNames.Kubernetes);
        return new Actuation(target, new ActuatorOptions { Target = ActuatorTargetNames.Kubernetes, MaxReplicas = 20 }, TimeProvider.System);
    }

    private static ScaleDecision Decision(string service, int desired) => new()
    {
        Id = $"{service}-{desired}-{Guid.NewGuid():N}", Service = service, Timestamp = DateTimeOffset.UtcNow, Policy = "hpa",
        DesiredReplicas = desired, Explanation = "test",
    };

    [Fact]
    public void Scale_Deployment_MergePatchesReplicasWithFieldManagerAndReadsBackStatus()
    {
        var web = _server.Add("deployments", "shop", "web", 2);
        web.Ready = 1;

        var result = Actuation().Scale(Decision("web", 5));

        Assert.Equal((ActuationStatuses.Applied, 2, 5), (result.Status, result.PreviousReplicas, result.AppliedReplicas));
        Assert.Equal(5, web.Replicas);
        Assert.Equal("scaled Deployment shop/web from 2 to 5 replicas; now 2 running, 1 ready", result.Message);
        var patch = Assert.Single(_server.Requests, r => r.StartsWith("PATCH", StringComparison.Ordinal));
        Assert.Equal("PATCH /apis/apps/v1/namespaces/shop/deployments/web/scale?fieldManager=pipeline-actuator application/merge-patch+json; charset=utf-8 "
            + "{\"metadata\":{\"resourceVersion\":\"1000\"},\"spec\":{\"replicas\":5}}", patch);
    }

    [Fact]
    public void Scale_StatefulSetKindAndMappedService_ScalesTheMappedStatefulSet()
    {
        var db = _server.Add("statefulsets", "data", "pg-main", 3);

        var result = Actuation(o => { o.WorkloadKind = WorkloadKinds.StatefulSet; o.Workloads = WorkloadRef.ParseMap("db=data/pg-main", o.Namespace); })
            .Scale(Decision("db", 4));

        Assert.Equal(ActuationStatuses.Applied, result.Status);
        Assert.Equal(4, db.Replicas);
        Assert.StartsWith("scaled StatefulSet data/pg-main from 3 to 4 replicas", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scale_ServerSideDryRun_SendsDryRunAllAndPersistsNothing()
    {
        var web = _server.Add("deployments", "shop", "web", 2);

        var result = Actuation(o => o.DryRun = true).Scale(Decision("web", 6));

        Assert.Equal((ActuationStatuses.RecommendOnly, 2, 6), (result.Status, result.PreviousReplicas, result.AppliedReplicas));
        Assert.Equal(2, web.Replicas);
        Assert.Contains("server-side dry run", result.Message, StringComparison.Ordinal);
        Assert.Contains(_server.Requests, r => r.StartsWith("PATCH /apis/apps/v1/namespaces/shop/deployments/web/scale?dryRun=All&fieldManager=pipeline-actuator", StringComparison.Ordinal));
    }

    [Fact]
    public void Scale_ConcurrentWriterChangedTheScale_FailedWithConflictReason()
    {
        var web = _server.Add("deployments", "shop", "web", 2);
        _server.AfterRead = w => { w.Replicas = 9; w.ResourceVersion++; };

        var result = Actuation().Scale(Decision("web", 5));

        Assert.Equal(ActuationStatuses.Failed, result.Status);
        Assert.Equal(9, web.Replicas);
        Assert.Contains("scaling Deployment shop/web to 5: conflict", result.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 409 Conflict: Operation cannot be fulfilled on deployments.apps \"web\": the object has been modified", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scale_MissingWorkload_FailedWithNotFoundReason()
    {
        var result = Actuation().Scale(Decision("ghost", 3));

        Assert.Equal(ActuationStatuses.Failed, result.Status);
        Assert.Contains("reading the scale of Deployment shop/ghost: not found", result.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 404 NotFound: deployments.apps \"ghost\" not found", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scale_ForbiddenNamespace_FailedWithRbacReason()
    {
        _server.Add("deployments", "shop", "web", 2);
        _server.ForbiddenNamespaces.Add("shop");

        var result = Actuation().Scale(Decision("web", 3));

        Assert.Equal(ActuationStatuses.Failed, result.Status);
        Assert.Contains("forbidden", result.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 403 Forbidden: deployments.apps \"web\" is forbidden: User \"system:serviceaccount:pipeline:actuator\" cannot get", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scale_ServerError_FailedWithTheServersMessage()
    {
        _server.Add("deployments", "shop", "web", 2);
        _server.FailNext = true;

        var result = Actuation().Scale(Decision("web", 3));

        Assert.Equal(ActuationStatuses.Failed, result.Status);
        Assert.Contains("the API server answered 500 (HTTP 500 InternalError: Internal error occurred: etcdserver: request timed out)", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scale_UnreachableApiServer_FailedNotThrown()
    {
        var result = Actuation(apiServer: new Uri($"http://127.0.0.1:{FreePort.Next()}")).Scale(Decision("web", 3));

        Assert.Equal(ActuationStatuses.Failed, result.Status);
        Assert.Contains("API server unreachable", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_RouteWeights_ReportedNotApplied()
    {
        var result = Actuation().Route(new RouteDecision
        {
            Id = "r1", Service = "web", Timestamp = DateTimeOffset.UtcNow, Policy = "learned",
            Weights = new Dictionary<string, double> { ["web-0"] = 1 }, Explanation = "test",
        });

        Assert.Equal(ActuationStatuses.RecommendOnly, result.Status);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public void ParseMap_MalformedEntry_RejectedNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => WorkloadRef.ParseMap("web=shop/web,broken", "default"));

        Assert.Contains("'broken'", error.Message, StringComparison.Ordinal);
        Assert.Equal(new WorkloadRef("default", "api"), WorkloadRef.ParseMap("x=api", "default")["x"]);
    }
}
