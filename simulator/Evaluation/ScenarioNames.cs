namespace Pipeline.Simulator.Evaluation;

/// <summary>Built-in scenarios: what happens to the replicas during a run.</summary>
public static class ScenarioNames
{
    /// <summary>Identical healthy replicas.</summary>
    public const string Baseline = "baseline";

    /// <summary>Replica speeds cycle 0.5x, 1x, 2x in creation order.</summary>
    public const string Heterogeneous = "heterogeneous";

    /// <summary>From the middle of the span to three quarters, one replica is 4 times slower.</summary>
    public const string SlowReplica = "slow-replica";

    /// <summary>From the middle of the span, for 30 minutes, one replica answers every request with an error at once.</summary>
    public const string FailFast = "fail-fast";

    /// <summary>Every 6 hours a ready replica disappears (its in-flight requests fail) and is replaced.</summary>
    public const string Crash = "crash";

    /// <summary>From the middle of the span, one replica slows down step by step, 1.25x more every 5 minutes up to 4x after an hour, and stays slow.</summary>
    public const string Degrading = "degrading";

    /// <summary>From the middle of the span to its end, one replica answers every request with an error at once.</summary>
    public const string Failing = "failing";

    /// <summary>
    /// Every 10 minutes the oldest ready replica is replaced (its in-flight requests fail); the replacement starts
    /// cold: 5x slower when it turns ready, then 4x, 3x, 2x, 1.5x at 30 s steps, warm after 150 s.
    /// </summary>
    public const string ColdStart = "cold-start";

    /// <summary>Every built-in scenario.</summary>
    public static IReadOnlyList<string> All { get; } = [Baseline, Heterogeneous, SlowReplica, FailFast, Crash, Degrading, Failing, ColdStart];

    /// <summary>Throws <see cref="ArgumentException"/> listing the known names when <paramref name="name"/> is unknown.</summary>
    public static void Validate(string name)
    {
        if (!All.Contains(name)) throw new ArgumentException($"unknown scenario '{name}'; known scenarios: {string.Join(", ", All)}", nameof(name));
    }
}
