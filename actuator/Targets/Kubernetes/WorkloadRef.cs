namespace Pipeline.Actuator.Targets.Kubernetes;

/// <summary>A workload by namespace and name.</summary>
public sealed record WorkloadRef(string Namespace, string Name)
{
    /// <inheritdoc />
    public override string ToString() => $"{Namespace}/{Name}";

    /// <summary>
    /// Parses <c>service=namespace/name</c> (or <c>service=name</c>, in <paramref name="defaultNamespace"/>) entries, comma-separated.
    /// Throws <see cref="ArgumentException"/> naming a malformed entry.
    /// </summary>
    public static IReadOnlyDictionary<string, WorkloadRef> ParseMap(string text, string defaultNamespace)
    {
        var map = new Dictionary<string, WorkloadRef>(StringComparer.Ordinal);
        foreach (var entry in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = entry.IndexOf('=');
            var target = eq > 0 ? entry[(eq + 1)..].Trim() : "";
            var slash = target.IndexOf('/');
            var reference = slash < 0 ? new WorkloadRef(defaultNamespace, target) : new WorkloadRef(target[..slash], target[(slash + 1)..]);
            if (eq <= 0 || reference.Namespace.Length == 0 || reference.Name.Length == 0 || reference.Name.Contains('/'))
                throw new ArgumentException($"workload map entry '{entry}' is not service=namespace/name or service=name");
            map[entry[..eq].Trim()] = reference;
        }
        return map;
    }
}
