using System.CommandLine;
using Pipeline.Runtime.Observability;

namespace Pipeline.Cli.Commands;

/// <summary>
/// The <c>--metrics-port</c> and <c>--metrics-bind</c> options of the stage commands: where the process serves
/// <c>/metrics</c> and <c>/healthz</c>. Defaults: one port per stage (<see cref="DefaultPorts"/>), overridden by
/// <c>PIPELINE_METRICS_PORT</c>; bind address 127.0.0.1, overridden by <c>PIPELINE_METRICS_BIND</c> (0.0.0.0 in containers).
/// </summary>
internal sealed class MetricsCommandOptions(string stage)
{
    public const string PortVariable = "PIPELINE_METRICS_PORT";
    public const string BindVariable = "PIPELINE_METRICS_BIND";

    /// <summary>Default endpoint port of each command (documented in README.md and used by docker-compose).</summary>
    public static IReadOnlyDictionary<string, int> DefaultPorts { get; } = new Dictionary<string, int>
    {
        ["demo"] = 9460, ["ingest"] = 9461, ["features"] = 9462, ["predictor"] = 9463, ["actuator"] = 9464, ["sink"] = 9465,
    };

    public Option<int> Port { get; } = new("--metrics-port")
    {
        Description = $"Port of the /metrics and /healthz endpoint, 0 = off (default {DefaultPorts[stage]}, or ${PortVariable}).",
        DefaultValueFactory = _ => int.TryParse(Environment.GetEnvironmentVariable(PortVariable), out var p) ? p : DefaultPorts[stage],
    };

    public Option<string> Bind { get; } = new("--metrics-bind")
    {
        Description = $"Address the endpoint listens on: 127.0.0.1, or 0.0.0.0 for every interface (default ${BindVariable} or 127.0.0.1).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(BindVariable) is { Length: > 0 } b ? b : "127.0.0.1",
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Port);
        command.Options.Add(Bind);
    }

    /// <summary>The endpoint options; <paramref name="staleAfter"/> is in the process's (possibly accelerated) time.</summary>
    public StageMetricsOptions Resolve(ParseResult result, TimeSpan? staleAfter = null)
    {
        var options = new StageMetricsOptions
        {
            Port = result.GetValue(Port),
            BindAddress = result.GetValue(Bind)!,
            StaleAfter = staleAfter ?? new StageMetricsOptions().StaleAfter,
        };
        options.Validate();
        return options;
    }
}
