using System.CommandLine;
using Pipeline.Actuator.Targets.Kubernetes;
using Pipeline.Cli.Hosting;

namespace Pipeline.Cli.Commands;

/// <summary>The options of <c>pipeline actuator --target kubernetes</c>; every default comes from <see cref="KubernetesTargetOptions"/>.</summary>
internal sealed class KubernetesCommandOptions
{
    private static readonly KubernetesTargetOptions Defaults = new();
    private readonly Option<string> _namespace = new("--namespace") { Description = "Kubernetes: namespace of a service's workload when --workloads does not name one.", DefaultValueFactory = _ => Defaults.Namespace };
    private readonly Option<string> _kind = new("--workload-kind") { Description = $"Kubernetes: kind scaled through its scale subresource: {string.Join(" or ", WorkloadKinds.All)}.", DefaultValueFactory = _ => Defaults.WorkloadKind };
    private readonly Option<string> _workloads = new("--workloads") { Description = "Kubernetes: service=namespace/name (or service=name) entries, comma-separated; an unlisted service scales the workload named like it (default empty).", DefaultValueFactory = _ => "" };
    private readonly Option<string> _kubeconfig = new("--kubeconfig") { Description = "Kubernetes: kubeconfig file (default empty: $KUBECONFIG, else in-cluster credentials inside a pod, else ~/.kube/config).", DefaultValueFactory = _ => Defaults.Kubeconfig };
    private readonly Option<string> _context = new("--context") { Description = "Kubernetes: kubeconfig context (default empty: the current context).", DefaultValueFactory = _ => Defaults.Context };
    private readonly Option<bool> _dryRun = new("--server-dry-run") { Description = "Kubernetes: send every change with dryRun=All (validated and admitted by the API server, not persisted; results are recommend-only; default off).", DefaultValueFactory = _ => Defaults.DryRun };
    private readonly Option<string> _fieldManager = new("--field-manager") { Description = "Kubernetes: field manager recorded on the changes.", DefaultValueFactory = _ => Defaults.FieldManager };
    private readonly Option<TimeSpan> _timeout = DurationParser.Option("--kube-timeout", Defaults.Timeout, "Kubernetes: time allowed for one API call");

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _namespace, _kind, _workloads, _kubeconfig, _context, _dryRun, _fieldManager, _timeout }) command.Options.Add(option);
    }

    /// <summary>The target options; throws <see cref="ArgumentException"/> naming a bad kind or map entry.</summary>
    public KubernetesTargetOptions Resolve(ParseResult result)
    {
        var ns = result.GetValue(_namespace)!;
        var kind = result.GetValue(_kind)!.ToLowerInvariant();
        if (!WorkloadKinds.All.Contains(kind)) throw new ArgumentException($"unknown --workload-kind '{kind}'; known: {string.Join(", ", WorkloadKinds.All)}");
        return new KubernetesTargetOptions
        {
            Namespace = ns,
            WorkloadKind = kind,
            Workloads = WorkloadRef.ParseMap(result.GetValue(_workloads) ?? "", ns),
            Kubeconfig = result.GetValue(_kubeconfig) ?? "",
            Context = result.GetValue(_context) ?? "",
            DryRun = result.GetValue(_dryRun),
            FieldManager = result.GetValue(_fieldManager)!,
            Timeout = result.GetValue(_timeout),
        };
    }
}
