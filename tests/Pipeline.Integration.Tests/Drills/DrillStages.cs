using Pipeline.TestSupport.Kafka;

namespace Pipeline.Integration.Tests.Drills;

/// <summary>
/// The four consuming stages (features, predictor, actuator, sink) as separate <c>pipeline</c> processes in one group
/// prefix, each of which can be killed with SIGKILL and started again with the same arguments.
/// </summary>
internal sealed class DrillStages : IDisposable
{
    public static readonly string[] Names = ["features", "predictor", "actuator", "sink"];

    private readonly Dictionary<string, string[]> _args = [];
    private readonly Dictionary<string, PipelineProcess> _running = [];

    public DrillStages(string bootstrap, Uri influx, string database)
    {
        string[] common = ["--bootstrap", bootstrap, "--group-prefix", $"kill-{Guid.NewGuid():N}"[..13], "--metrics-port", "0"];
        // PIPELINE_KILL_DRILL_ENGINE=streamiz drills the Streamiz features engine (its store in a directory of the drill's own).
        var engine = Environment.GetEnvironmentVariable("PIPELINE_KILL_DRILL_ENGINE") is { Length: > 0 } e ? e : "loop";
        _args["features"] = ["features", "--window", "15s", "--grace", "5s", "--max-ahead", "off", "--engine", engine,
            "--state-dir", Path.Combine(Path.GetTempPath(), $"kill-drill-{Guid.NewGuid():N}"), .. common];
        _args["predictor"] = ["predictor", "--policy", "hpa", "--routing", "", "--shadow", "", .. common];
        _args["actuator"] = ["actuator", "--target", "simulator", .. common];
        _args["sink"] = ["sink", "--influx", influx.ToString(), "--database", database, .. common];
        foreach (var name in Names) Start(name);
    }

    /// <summary>Kills one stage (SIGKILL, the whole process tree).</summary>
    public void Kill(string name)
    {
        _running[name].Kill();
        _running[name].Dispose();
        _running.Remove(name);
    }

    public void Start(string name) => _running[name] = PipelineProcess.Start(_args[name]);

    /// <summary>The output of every running stage, for failure messages (the last 2,000 characters of each).</summary>
    public string Outputs => string.Join("\n", _running.Select(p => $"--- {p.Key}\n{Tail(p.Value.Output)}"));

    public void Dispose()
    {
        foreach (var process in _running.Values) process.Dispose();
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];
}
