using System.CommandLine;
using Pipeline.Cli.Hosting;
using Pipeline.Fleet.Local;

namespace Pipeline.Cli.Commands;

/// <summary>The <c>local</c> actuator target's options on <c>pipeline actuator</c>: the proxy to register replicas with and the replica settings.</summary>
internal sealed class LocalTargetCommandOptions
{
    private static readonly LocalReplicaSettings Defaults = new();

    private readonly Option<string?> _proxy = new("--proxy-admin") { Description = "local target: base URL of the `pipeline proxy` the replicas are registered with (e.g. http://127.0.0.1:8080); none runs replicas without a proxy." };
    private readonly Option<string> _service = new("--service") { Description = "local target: service id the replicas serve.", DefaultValueFactory = _ => "web" };
    private readonly Option<int> _initial = new("--initial-replicas") { Description = "local target: replicas started before the first decision.", DefaultValueFactory = _ => 1 };
    private readonly Option<int> _workers = new("--replica-workers") { Description = "local target: workers per replica.", DefaultValueFactory = _ => Defaults.Workers };
    private readonly Option<double> _mean = new("--replica-service-mean-ms") { Description = "local target: mean service time of a replica (lognormal).", DefaultValueFactory = _ => Defaults.ServiceMeanMs };
    private readonly Option<double> _cv = new("--replica-service-cv") { Description = "local target: coefficient of variation of the service time.", DefaultValueFactory = _ => Defaults.ServiceCv };
    private readonly Option<TimeSpan> _startup = DurationParser.Option("--replica-startup-delay", Defaults.StartupDelay, "local target: time until a replica turns ready");

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { _proxy, _service, _initial, _workers, _mean, _cv, _startup }) command.Options.Add(o);
    }

    /// <summary>The options given, with <paramref name="maxReplicas"/> as the fleet's bound; errors name the option.</summary>
    public LocalTargetOptions Resolve(ParseResult result, int maxReplicas)
    {
        var proxy = result.GetValue(_proxy);
        Uri? admin = null;
        if (!string.IsNullOrWhiteSpace(proxy) && !Uri.TryCreate(proxy, UriKind.Absolute, out admin))
            throw new ArgumentException($"--proxy-admin: '{proxy}' is not an absolute URL");
        return new LocalTargetOptions
        {
            Service = result.GetValue(_service)!,
            ProxyAdmin = admin,
            InitialReplicas = result.GetValue(_initial) is >= 0 and var i ? i : throw new ArgumentException($"--initial-replicas: must be >= 0, was {result.GetValue(_initial)}"),
            MaxReplicas = maxReplicas,
            Replica = new LocalReplicaSettings
            {
                Workers = result.GetValue(_workers) is > 0 and var w ? w : throw new ArgumentException($"--replica-workers: must be > 0, was {result.GetValue(_workers)}"),
                ServiceMeanMs = result.GetValue(_mean) is > 0 and var m ? m : throw new ArgumentException($"--replica-service-mean-ms: must be > 0, was {result.GetValue(_mean)}"),
                ServiceCv = result.GetValue(_cv) is >= 0 and var c ? c : throw new ArgumentException($"--replica-service-cv: must be >= 0, was {result.GetValue(_cv)}"),
                StartupDelay = result.GetValue(_startup),
            },
        };
    }
}
