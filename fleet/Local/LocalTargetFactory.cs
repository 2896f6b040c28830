using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Pipeline.Fleet.Local;

/// <summary>Creates the <c>local</c> actuator target.</summary>
public static class LocalTargetFactory
{
    /// <summary>The target name to register with the actuator.</summary>
    public const string Name = "local";

    /// <summary>
    /// Starts the reconciler (and <see cref="LocalTargetOptions.InitialReplicas"/> replicas). Throws
    /// <see cref="FileNotFoundException"/> when the replica program is missing.
    /// </summary>
    public static ILocalTarget Create(LocalTargetOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new LocalTarget(options, new ProcessReplicaLauncher(options), time ?? TimeProvider.System,
            (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<LocalTarget>());
    }
}
