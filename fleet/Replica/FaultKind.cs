namespace Pipeline.Fleet.Replica;

/// <summary>Injected faults of a replica (<c>POST /fault?kind=...</c>).</summary>
internal enum FaultKind
{
    None,
    Slow,
    Fail,
    Die,
}
