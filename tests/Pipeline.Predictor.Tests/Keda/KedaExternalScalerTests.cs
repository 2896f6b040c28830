using Grpc.Core;
using Grpc.Net.Client;
using Pipeline.Contracts.Messages;
using Pipeline.Predictor.Keda;
using Pipeline.TestSupport.Influx;

namespace Pipeline.Predictor.Tests.Keda;

/// <summary>The KEDA external scaler served on a real loopback port (HTTP/2), called by a real gRPC client.</summary>
public sealed class KedaExternalScalerTests : IAsyncLifetime
{
    private readonly LatestScaleDecisions _decisions = new();
    private KedaScalerServer _server = null!;
    private GrpcChannel _channel = null!;
    private ExternalScaler.ExternalScalerClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await KedaScalerServer.StartAsync(new KedaScalerOptions { Port = FreePort.Next() }, _decisions);
        _channel = GrpcChannel.ForAddress(_server.Url);
        _client = new ExternalScaler.ExternalScalerClient(_channel);
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _server.DisposeAsync();
    }

    private static ScaleDecision Decision(string service, int desired) => new()
    {
        Id = Guid.NewGuid().ToString("N"), Service = service, Timestamp = DateTimeOffset.UtcNow, Policy = "predictive",
        DesiredReplicas = desired, Explanation = "test",
    };

    private static ScaledObjectRef Ref(string name, string? service = null)
    {
        var reference = new ScaledObjectRef { Name = name, Namespace = "shop" };
        if (service is not null) reference.ScalerMetadata["service"] = service;
        return reference;
    }

    [Fact]
    public async Task GetMetricSpec_AnyScaledObject_DesiredReplicasMetricWithTargetOnePerReplica()
    {
        var spec = Assert.Single((await _client.GetMetricSpecAsync(Ref("checkout"))).MetricSpecs);

        Assert.Equal(("pipeline-desired-replicas", 1.0), (spec.MetricName, spec.TargetSizeFloat));
    }

    [Fact]
    public async Task GetMetrics_ServiceInScalerMetadata_LatestDecidedReplicas()
    {
        _decisions.Record(Decision("checkout", 7));
        _decisions.Record(Decision("checkout", 4));
        _decisions.Record(Decision("search", 9));

        var response = await _client.GetMetricsAsync(new GetMetricsRequest { ScaledObjectRef = Ref("checkout-so", "checkout"), MetricName = "s0-pipeline-desired-replicas" });

        var value = Assert.Single(response.MetricValues);
        Assert.Equal(("s0-pipeline-desired-replicas", 4.0), (value.MetricName, value.MetricValueFloat));
    }

    [Fact]
    public async Task GetMetrics_NoMetadata_ScaledObjectNameIsTheService()
    {
        _decisions.Record(Decision("search", 9));

        var response = await _client.GetMetricsAsync(new GetMetricsRequest { ScaledObjectRef = Ref("search") });

        Assert.Equal(9, Assert.Single(response.MetricValues).MetricValueFloat);
    }

    [Fact]
    public async Task GetMetrics_NoDecisionYet_NotFoundWithReason()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _client.GetMetricsAsync(new GetMetricsRequest { ScaledObjectRef = Ref("ghost") }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.Equal("no scale decision for service 'ghost' yet (scaled object shop/ghost)", error.Status.Detail);
    }

    [Fact]
    public async Task IsActive_DesiredAboveZero_TrueAndZero_False()
    {
        _decisions.Record(Decision("checkout", 2));
        _decisions.Record(Decision("batch", 0));

        Assert.True((await _client.IsActiveAsync(Ref("checkout"))).Result);
        Assert.False((await _client.IsActiveAsync(Ref("batch"))).Result);
    }

    [Fact]
    public async Task StreamIsActive_ActivityChanges_EachChangePushed()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        _decisions.Record(Decision("batch", 3));
        using var call = _client.StreamIsActive(Ref("batch"), cancellationToken: deadline.Token);
        var stream = call.ResponseStream;

        Assert.True(await stream.MoveNext(deadline.Token));
        Assert.True(stream.Current.Result);
        _decisions.Record(Decision("batch", 5)); // still active: nothing pushed
        _decisions.Record(Decision("batch", 0));
        Assert.True(await stream.MoveNext(deadline.Token));
        Assert.False(stream.Current.Result);
    }
}
