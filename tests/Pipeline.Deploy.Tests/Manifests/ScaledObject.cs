using k8s.Models;

namespace Pipeline.Deploy.Tests.Manifests;

/// <summary>
/// KEDA's <c>keda.sh/v1alpha1</c> ScaledObject, only the fields of its documented specification that deploy/ may use
/// (https://keda.sh/docs/latest/reference/scaledobject-spec/, external trigger: https://keda.sh/docs/latest/scalers/external/).
/// Loaded strictly: a misspelt or undocumented field fails the load.
/// </summary>
internal sealed class ScaledObject
{
    public const string ApiVersionValue = "keda.sh/v1alpha1";
    public const string KindValue = "ScaledObject";

    public string? ApiVersion { get; set; }
    public string? Kind { get; set; }
    public V1ObjectMeta? Metadata { get; set; }
    public ScaledObjectSpec? Spec { get; set; }
}

internal sealed class ScaledObjectSpec
{
    public ScaleTargetRef? ScaleTargetRef { get; set; }
    public int? PollingInterval { get; set; }
    public int? CooldownPeriod { get; set; }
    public int? InitialCooldownPeriod { get; set; }
    public int? IdleReplicaCount { get; set; }
    public int? MinReplicaCount { get; set; }
    public int? MaxReplicaCount { get; set; }
    public ScaledObjectFallback? Fallback { get; set; }
    public List<ScaleTrigger>? Triggers { get; set; }
}

/// <summary><c>name</c> is mandatory; apiVersion defaults to apps/v1 and kind to Deployment.</summary>
internal sealed class ScaleTargetRef
{
    public string? ApiVersion { get; set; }
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public string? EnvSourceContainerName { get; set; }
}

internal sealed class ScaledObjectFallback
{
    public int? FailureThreshold { get; set; }
    public int? Replicas { get; set; }
}

/// <summary>One trigger; for <c>type: external</c> the metadata needs <c>scalerAddress</c> (host:port).</summary>
internal sealed class ScaleTrigger
{
    public string? Type { get; set; }
    public string? Name { get; set; }
    public string? MetricType { get; set; }
    public bool? UseCachedMetrics { get; set; }
    public Dictionary<string, string>? Metadata { get; set; }
    public AuthenticationRef? AuthenticationRef { get; set; }
}

/// <summary>A trigger's TriggerAuthentication (or ClusterTriggerAuthentication) by name.</summary>
internal sealed class AuthenticationRef
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
}
