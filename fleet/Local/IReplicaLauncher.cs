namespace Pipeline.Fleet.Local;

/// <summary>Starts replica processes (the seam between the reconciler and the operating system).</summary>
internal interface IReplicaLauncher
{
    /// <summary>Launches replica <paramref name="id"/>; returns at once, before it has bound a port.</summary>
    IReplicaProcess Start(string id, long sequence);
}

/// <summary>One launched replica process.</summary>
internal interface IReplicaProcess : IDisposable
{
    string Id { get; }

    /// <summary>The replica's base address once it printed <c>listening http://127.0.0.1:PORT</c>; null before.</summary>
    Uri? Address { get; }

    bool HasExited { get; }
    int? ExitCode { get; }

    /// <summary>The last lines the process wrote (stdout and stderr), for reasons in events.</summary>
    string OutputTail { get; }

    /// <summary>Raised once when the process exits.</summary>
    event Action? Exited;

    /// <summary>SIGTERM: the replica turns unready, drains and exits.</summary>
    void Terminate();

    /// <summary>Kills the process at once.</summary>
    void Kill();
}
