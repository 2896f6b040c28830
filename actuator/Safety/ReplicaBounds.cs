namespace Pipeline.Actuator.Safety;

/// <summary>The actuator's min/max replica rail.</summary>
internal static class ReplicaBounds
{
    /// <summary><paramref name="desired"/> clamped into [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public static int Clamp(int desired, int min, int max) => Math.Clamp(desired, min, Math.Max(min, max));
}
