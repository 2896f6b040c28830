namespace Pipeline.Fleet.Local;

/// <summary>How the local target runs replicas of one service as <c>pipeline replica</c> processes behind a proxy.</summary>
public sealed class LocalTargetOptions
{
    /// <summary>Service the target answers for (commands for other services are refused).</summary>
    public string Service { get; init; } = "web";

    /// <summary>Base URL of the proxy's admin API (e.g. <c>http://127.0.0.1:8080</c>); null runs replicas without a proxy.</summary>
    public Uri? ProxyAdmin { get; init; }

    /// <summary>The <c>pipeline.dll</c> to run; null: the one beside the running program.</summary>
    public string? PipelineDll { get; init; }

    /// <summary>The <c>dotnet</c> host; null: the running one when it is <c>dotnet</c>, else <c>dotnet</c> from the PATH.</summary>
    public string? DotnetHost { get; init; }

    /// <summary>Settings every replica is started with.</summary>
    public LocalReplicaSettings Replica { get; init; } = new();

    /// <summary>Replicas running before any command arrives.</summary>
    public int InitialReplicas { get; init; }

    /// <summary>Upper bound on the desired count; larger commands are clamped to it.</summary>
    public int MaxReplicas { get; init; } = 20;

    /// <summary>A replica not ready within this of its launch is killed and replaced.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest wait for a removed replica's proxied requests to finish before it is stopped anyway.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for a process to exit after SIGTERM before it is killed.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Interval of the reconcile loop (it also wakes at once on a command or a process exit).</summary>
    public TimeSpan ReconcileInterval { get; init; } = TimeSpan.FromMilliseconds(250);
}

/// <summary>The <c>pipeline replica</c> options of every replica the local target starts.</summary>
public sealed class LocalReplicaSettings
{
    public int Workers { get; init; } = 4;
    public double ServiceMeanMs { get; init; } = 200;
    public double ServiceCv { get; init; } = 0.5;
    public TimeSpan StartupDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Seed of the first replica; each later one adds its sequence number.</summary>
    public long Seed { get; init; } = 1;
}
