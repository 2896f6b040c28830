using k8s.Models;
using Pipeline.Deploy.Tests.Manifests;

namespace Pipeline.Deploy.Tests.Checks;

/// <summary>
/// The two sides of the scaler's TLS agree: with --keda-tls-cert the predictor's files are on a mounted Secret and every
/// external trigger authenticates (caCert; tlsClientCert and tlsClientKey when --keda-tls-client-ca is set) through a
/// TriggerAuthentication next to it; without it, no trigger asks for TLS from a plaintext scaler.
/// </summary>
internal static class KedaTls
{
    private static readonly string[] ServerSide = ["caCert"];
    private static readonly string[] MutualSide = ["caCert", "tlsClientCert", "tlsClientKey"];

    public static IReadOnlyList<string> Problems(IReadOnlyList<Manifest> objects)
    {
        var problems = new List<string>();
        var predictor = StageContainer.Single(objects, "predictor");
        var files = new[] { "--keda-tls-cert", "--keda-tls-key", "--keda-tls-client-ca" }.Select(o => (o, predictor.Value<string>(o) ?? "")).ToList();
        var secretMounts = (predictor.Container.VolumeMounts ?? []).Where(m => predictor.Pod.Spec.Volumes.Any(v => v.Name == m.Name && v.Secret is not null)).ToList();
        foreach (var (option, file) in files.Where(f => f.Item2.Length > 0))
            if (!secretMounts.Any(m => file.StartsWith(m.MountPath.TrimEnd('/') + "/", StringComparison.Ordinal))) problems.Add($"{option} {file} is not on a mounted Secret");
        var tls = files[0].Item2.Length > 0;
        var needed = !tls ? [] : files[2].Item2.Length > 0 ? MutualSide : ServerSide;
        var auths = objects.Select(m => m.Object).OfType<TriggerAuthentication>().ToList();
        foreach (var so in objects.Select(m => m.Object).OfType<ScaledObject>())
        {
            foreach (var trigger in so.Spec?.Triggers?.Where(t => t.Type == "external") ?? [])
            {
                var auth = auths.FirstOrDefault(a => a.Metadata?.Name == trigger.AuthenticationRef?.Name && a.Metadata?.NamespaceProperty == so.Metadata?.NamespaceProperty);
                var given = auth?.Spec?.SecretTargetRef.Select(r => r.Parameter ?? "").ToHashSet() ?? [];
                if (trigger.AuthenticationRef is not null && auth is null) problems.Add($"{so.Metadata?.Name}: TriggerAuthentication {trigger.AuthenticationRef.Name} not found in {so.Metadata?.NamespaceProperty}");
                foreach (var missing in needed.Where(p => !given.Contains(p))) problems.Add($"{so.Metadata?.Name}: the scaler serves TLS but the trigger has no {missing}");
                if (!tls && given.Overlaps(MutualSide)) problems.Add($"{so.Metadata?.Name}: the trigger asks for TLS from a plaintext scaler");
            }
        }
        return problems;
    }
}
