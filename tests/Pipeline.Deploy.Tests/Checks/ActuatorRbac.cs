using k8s.Models;
using Pipeline.Actuator.Targets.Kubernetes;
using Pipeline.Deploy.Tests.Manifests;

namespace Pipeline.Deploy.Tests.Checks;

/// <summary>
/// What the kubernetes target calls (actuator/Targets/Kubernetes/ScaleSubresource.cs): get + patch on
/// <c>{kind}s/scale</c> and get on <c>{kind}s</c>, in apps, for the workloads its --workloads/--namespace name. Lists every
/// grant to the actuator's service account beyond that, and every call it needs that is not granted.
/// </summary>
internal static class ActuatorRbac
{
    public static IReadOnlyList<string> Problems(IReadOnlyList<Manifest> objects)
    {
        var problems = new List<string>();
        var all = objects.Select(m => m.Object).ToList();
        if (all.OfType<V1ClusterRole>().Any() || all.OfType<V1ClusterRoleBinding>().Any()) problems.Add("cluster-wide RBAC objects");
        foreach (var actuator in StageContainer.In(objects).Where(c => c.Command == "actuator" && c.Value<string>("--target") == "kubernetes"))
        {
            var account = actuator.Pod.Spec.ServiceAccountName ?? "default";
            var kind = actuator.Value<string>("--workload-kind") + "s";
            var workloads = WorkloadRef.ParseMap(actuator.Value<string>("--workloads") ?? "", actuator.Value<string>("--namespace")!);
            foreach (var ns in workloads.Values.GroupBy(w => w.Namespace))
            {
                var rules = RulesFor(all, ns.Key, account, actuator.Pod.Namespace, problems);
                var names = ns.Select(w => w.Name).ToHashSet();
                var allowed = new Dictionary<string, string[]> { [$"{kind}/scale"] = ["get", "patch"], [kind] = ["get"] };
                foreach (var rule in rules)
                {
                    if (rule.ApiGroups is not ["apps"]) problems.Add($"{ns.Key}: rule on API groups {string.Join(",", rule.ApiGroups ?? [])}");
                    if (rule.ResourceNames is not { Count: > 0 } || !rule.ResourceNames.All(names.Contains)) problems.Add($"{ns.Key}: rule not limited to {string.Join(",", names)}");
                    foreach (var resource in rule.Resources ?? [])
                        if (!allowed.TryGetValue(resource, out var verbs) || !rule.Verbs.All(verbs.Contains)) problems.Add($"{ns.Key}: {string.Join(",", rule.Verbs)} on {resource}");
                }
                foreach (var (name, (resource, verb)) in names.SelectMany(n => allowed.SelectMany(a => a.Value.Select(v => (n, (a.Key, v))))))
                    if (!rules.Any(r => r.ApiGroups?.Contains("apps") == true && r.Resources?.Contains(resource) == true && r.Verbs.Contains(verb) && r.ResourceNames?.Contains(name) == true))
                        problems.Add($"{ns.Key}: {verb} on {resource} {name} not granted");
            }
        }
        return problems;
    }

    private static List<V1PolicyRule> RulesFor(List<object> all, string ns, string account, string accountNamespace, List<string> problems)
    {
        var bindings = all.OfType<V1RoleBinding>().Where(b => b.Metadata.NamespaceProperty == ns
            && b.Subjects.Any(s => s.Kind == "ServiceAccount" && s.Name == account && s.NamespaceProperty == accountNamespace)).ToList();
        if (bindings.Any(b => b.RoleRef.Kind != "Role")) problems.Add($"{ns}: bound to a {bindings.First(b => b.RoleRef.Kind != "Role").RoleRef.Kind}");
        var roles = all.OfType<V1Role>().Where(r => r.Metadata.NamespaceProperty == ns && bindings.Any(b => b.RoleRef.Name == r.Metadata.Name));
        return [.. roles.SelectMany(r => r.Rules)];
    }
}
