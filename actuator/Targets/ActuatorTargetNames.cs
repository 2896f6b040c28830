namespace Pipeline.Actuator.Targets;

/// <summary>Names of the built-in actuator targets.</summary>
public static class ActuatorTargetNames
{
    /// <summary>Applies decisions to the in-process simulated cluster.</summary>
    public const string Simulator = "simulator";

    /// <summary>Applies nothing; reports what it would do.</summary>
    public const string DryRun = "dry-run";

    /// <summary>Every built-in name.</summary>
    public static IReadOnlyList<string> All { get; } = [Simulator, DryRun];

    /// <summary>Throws naming the known targets when <paramref name="name"/> is not one of them.</summary>
    public static string Validate(string name) => All.Contains(name, StringComparer.Ordinal)
        ? name
        : throw new ArgumentException($"Unknown actuator target '{name}'. Known targets: {string.Join(", ", All)}.", nameof(name));
}
