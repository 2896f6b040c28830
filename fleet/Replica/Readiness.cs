namespace Pipeline.Fleet.Replica;

/// <summary>Ready once the start-up delay has passed, and not ready again from the moment draining starts.</summary>
internal sealed class Readiness(TimeProvider time, TimeSpan startupDelay)
{
    private readonly DateTimeOffset _readyAt = time.GetUtcNow() + startupDelay;
    private volatile bool _draining;

    public bool IsReady => !_draining && time.GetUtcNow() >= _readyAt;

    public bool IsDraining => _draining;

    public void StartDraining() => _draining = true;
}
