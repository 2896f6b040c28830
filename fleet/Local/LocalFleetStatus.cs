namespace Pipeline.Fleet.Local;

/// <summary>Replica counts of the local target by phase, for summaries and waits.</summary>
public sealed record LocalFleetStatus(int Desired, int Starting, int Ready, int Draining, int Stopping)
{
    /// <summary>Processes running (any phase).</summary>
    public int Running => Starting + Ready + Draining + Stopping;

    public override string ToString() =>
        $"desired {Desired}, starting {Starting}, ready {Ready}, draining {Draining}, stopping {Stopping}";
}
