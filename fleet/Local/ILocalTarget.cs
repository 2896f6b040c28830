using Pipeline.Actuator.Targets;

namespace Pipeline.Fleet.Local;

/// <summary>
/// The <c>local</c> actuator target: <see cref="IActuatorTarget.Apply"/> records the desired replica count (or the route
/// weights) and returns; a background reconciler starts, registers, drains, stops and replaces real <c>pipeline replica</c>
/// processes until the fleet matches. Disposing it stops every replica it started.
/// </summary>
public interface ILocalTarget : IActuatorTarget, IAsyncDisposable, IDisposable
{
    /// <summary>Current counts by phase.</summary>
    LocalFleetStatus Status { get; }

    /// <summary>Every replica event so far, oldest first.</summary>
    IReadOnlyList<ReplicaEvent> Events { get; }

    /// <summary>Ids and base addresses of the replicas registered (ready) now.</summary>
    IReadOnlyDictionary<string, Uri> ReadyReplicas { get; }

    /// <summary>Waits until <paramref name="condition"/> holds for the status; false after <paramref name="timeout"/>.</summary>
    Task<bool> WaitForAsync(Func<LocalFleetStatus, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default);
}
