using Grpc.Core;

namespace Pipeline.Predictor.Keda;

/// <summary>
/// KEDA's external scaler over the predictor's decisions. The metric is the latest decided replica count of the service
/// (scaler metadata <c>service</c>, else the ScaledObject's name) with a target of 1 per replica, so the HPA KEDA creates
/// (desired = ceil(value / target)) runs exactly the decided count; active while that count is above zero. A service
/// without a decision yet answers NOT_FOUND with the reason, so KEDA keeps the current scale.
/// </summary>
internal sealed class KedaExternalScaler(LatestScaleDecisions decisions, KedaScalerOptions options) : ExternalScaler.ExternalScalerBase
{
    public override Task<IsActiveResponse> IsActive(ScaledObjectRef request, ServerCallContext context) =>
        Task.FromResult(new IsActiveResponse { Result = Desired(request) > 0 });

    public override async Task StreamIsActive(ScaledObjectRef request, IServerStreamWriter<IsActiveResponse> responseStream, ServerCallContext context)
    {
        bool? sent = null;
        while (!context.CancellationToken.IsCancellationRequested)
        {
            var next = decisions.NextChangeAsync(context.CancellationToken);
            var service = ServiceOf(request);
            if (decisions.Get(service) is { } decision && decision.DesiredReplicas > 0 != sent)
            {
                sent = decision.DesiredReplicas > 0;
                await responseStream.WriteAsync(new IsActiveResponse { Result = sent.Value }).ConfigureAwait(false);
            }
            try { await next.ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
        }
    }

    // Older KEDA releases read only the deprecated integer fields, so both are set.
#pragma warning disable CS0612
    public override Task<GetMetricSpecResponse> GetMetricSpec(ScaledObjectRef request, ServerCallContext context) =>
        Task.FromResult(new GetMetricSpecResponse { MetricSpecs = { new MetricSpec { MetricName = options.MetricName, TargetSizeFloat = 1, TargetSize = 1 } } });

    public override Task<GetMetricsResponse> GetMetrics(GetMetricsRequest request, ServerCallContext context)
    {
        var desired = Desired(request.ScaledObjectRef ?? new ScaledObjectRef());
        return Task.FromResult(new GetMetricsResponse
        {
            MetricValues = { new MetricValue { MetricName = request.MetricName.Length > 0 ? request.MetricName : options.MetricName, MetricValueFloat = desired, MetricValue_ = desired } },
        });
    }
#pragma warning restore CS0612

    private int Desired(ScaledObjectRef request)
    {
        var service = ServiceOf(request);
        return decisions.Get(service)?.DesiredReplicas
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"no scale decision for service '{service}' yet (scaled object {request.Namespace}/{request.Name})"));
    }

    private string ServiceOf(ScaledObjectRef request) =>
        request.ScalerMetadata.TryGetValue(options.ServiceKey, out var service) && service.Length > 0 ? service : request.Name;
}
