using Pipeline.Deploy.Tests.Manifests;

namespace Pipeline.Deploy.Tests.Checks;

/// <summary>
/// A ScaledObject's fields KEDA requires (scaleTargetRef.name, triggers; for <c>external</c> a host:port scalerAddress,
/// https://keda.sh/docs/latest/scalers/external/), and whether that address reaches the predictor's KEDA port through
/// a Service of the same build (<c>service.namespace.svc[.cluster.local]:port</c>) and names a service ingest publishes.
/// </summary>
internal static class KedaTrigger
{
    public static IReadOnlyList<string> Problems(IReadOnlyList<Manifest> objects)
    {
        var problems = new List<string>();
        var scaledObjects = objects.Select(m => m.Object).OfType<ScaledObject>().ToList();
        if (scaledObjects.Count == 0) problems.Add("no ScaledObject");
        var predictor = StageContainer.Single(objects, "predictor");
        var ingested = StageContainer.In(objects).Where(c => c.Command == "ingest").Select(c => c.Value<string>("--service")).ToHashSet();
        foreach (var so in scaledObjects)
        {
            var name = so.Metadata?.Name;
            if (so.ApiVersion != ScaledObject.ApiVersionValue) problems.Add($"{name}: apiVersion {so.ApiVersion}");
            if (string.IsNullOrEmpty(so.Spec?.ScaleTargetRef?.Name)) problems.Add($"{name}: no scaleTargetRef.name");
            if (so.Spec?.MinReplicaCount > (so.Spec?.MaxReplicaCount ?? 100)) problems.Add($"{name}: minReplicaCount above maxReplicaCount");
            if (so.Spec?.Triggers is not { Count: > 0 } triggers) { problems.Add($"{name}: no triggers"); continue; }
            foreach (var trigger in triggers)
            {
                if (trigger.Type != "external") { problems.Add($"{name}: trigger type {trigger.Type}"); continue; }
                var address = trigger.Metadata?.GetValueOrDefault("scalerAddress") ?? "";
                if (!Reaches(address, objects, predictor)) problems.Add($"{name}: scalerAddress '{address}' does not reach the predictor's --keda-port {predictor.Value<int>("--keda-port")}");
                var service = trigger.Metadata?.GetValueOrDefault("service") ?? name;
                if (!ingested.Contains(service)) problems.Add($"{name}: service '{service}' is not what ingest publishes ({string.Join(", ", ingested)})");
            }
        }
        return problems;
    }

    private static bool Reaches(string address, IReadOnlyList<Manifest> objects, StageContainer predictor)
    {
        var colon = address.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(address[(colon + 1)..], out var port)) return false;
        var host = address[..colon].Split('.');
        if (host.Length < 3 || host[2] != "svc" || (host.Length > 3 && string.Join('.', host[3..]) != "cluster.local")) return false;
        var service = Services.In(objects).FirstOrDefault(s => s.Metadata.Name == host[0] && s.Metadata.NamespaceProperty == host[1]);
        var servicePort = service?.Spec.Ports.FirstOrDefault(p => p.Port == port);
        if (servicePort is null || !Services.Selected(service!, objects).Contains(predictor.Pod)) return false;
        return Services.Target(servicePort, predictor.Pod)?.ContainerPort == predictor.Value<int>("--keda-port");
    }
}
