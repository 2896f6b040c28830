namespace Pipeline.Simulator.Evaluation;

/// <summary>Built-in scenarios: what happens to the replicas during a run.</summary>
public static class ScenarioNames
{
    /// <summary>Identical healthy replicas.</summary>
    public const string Baseline = "baseline";

    /// <summary>Every third replica runs at half speed.</summary>
    public const string Heterogeneous = "heterogeneous";

    /// <summary>From the middle of the span to three quarters, one replica is 4 times slower.</summary>
    public const string SlowReplica = "slow-replica";

    /// <summary>From the middle of the span, for 30 minutes, one replica answers every request with an error at once.</summary>
    public const string FailFast = "fail-fast";

    /// <summary>Every 6 hours a ready replica disappears (its in-flight requests fail) and is replaced.</summary>
    public const string Crash = "crash";

    /// <summary>Every built-in scenario.</summary>
    public static IReadOnlyList<string> All { get; } = [Baseline, Heterogeneous, SlowReplica, FailFast, Crash];

    /// <summary>Throws <see cref="ArgumentException"/> listing the known names when <paramref name="name"/> is unknown.</summary>
    public static void Validate(string name)
    {
        if (!All.Contains(name)) throw new ArgumentException($"unknown scenario '{name}'; known scenarios: {string.Join(", ", All)}", nameof(name));
    }
}
