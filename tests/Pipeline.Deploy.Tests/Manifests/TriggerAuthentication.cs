using k8s.Models;

namespace Pipeline.Deploy.Tests.Manifests;

/// <summary>
/// KEDA's <c>keda.sh/v1alpha1</c> TriggerAuthentication, only its Secret references
/// (https://keda.sh/docs/latest/concepts/authentication/): each maps a scaler authentication parameter to a Secret key.
/// </summary>
internal sealed class TriggerAuthentication
{
    public const string KindValue = "TriggerAuthentication";

    public string? ApiVersion { get; set; }
    public string? Kind { get; set; }
    public V1ObjectMeta? Metadata { get; set; }
    public TriggerAuthenticationSpec? Spec { get; set; }
}

internal sealed class TriggerAuthenticationSpec
{
    public List<SecretTargetRef> SecretTargetRef { get; set; } = [];
}

/// <summary>Scaler parameter <see cref="Parameter"/> = key <see cref="Key"/> of Secret <see cref="Name"/>.</summary>
internal sealed class SecretTargetRef
{
    public string? Parameter { get; set; }
    public string? Name { get; set; }
    public string? Key { get; set; }
}
