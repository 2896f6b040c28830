namespace Pipeline.Fleet.Tests.Support;

/// <summary>
/// Tests that send real load or run real processes: run one at a time, never beside each other, so one's CPU does not
/// distort another's timing (arrival spacing, readiness deadlines) on a small machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealTimeCollection
{
    public const string Name = "real time";
}
