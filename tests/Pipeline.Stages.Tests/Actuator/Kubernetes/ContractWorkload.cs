namespace Pipeline.Stages.Tests.Actuator.Kubernetes;

/// <summary>A workload the contract server holds: its desired replicas, the running and ready replicas its status reports, and its resourceVersion.</summary>
internal sealed class ContractWorkload(string resource, string ns, string name, int replicas)
{
    public string Resource => resource;
    public string Namespace => ns;
    public string Name => name;
    public int Replicas { get; set; } = replicas;
    public int Running { get; set; } = replicas;
    public int Ready { get; set; } = replicas;
    public long ResourceVersion { get; set; } = 1000;

    /// <summary>The apps/v1 kind of <see cref="Resource"/>.</summary>
    public string Kind => resource == "statefulsets" ? "StatefulSet" : "Deployment";

    public object Metadata => new { name, @namespace = ns, uid = $"uid-{ns}-{name}", resourceVersion = ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    /// <summary>autoscaling/v1 Scale, as the scale subresource answers.</summary>
    public object Scale() => new
    {
        kind = "Scale",
        apiVersion = "autoscaling/v1",
        metadata = Metadata,
        spec = new { replicas = Replicas },
        status = new { replicas = Running, selector = $"app={name}" },
    };

    /// <summary>The workload object itself (only what a client reads back).</summary>
    public object Object() => new
    {
        kind = Kind,
        apiVersion = "apps/v1",
        metadata = Metadata,
        spec = new { replicas = Replicas },
        status = new { replicas = Running, readyReplicas = Ready, availableReplicas = Ready },
    };
}
