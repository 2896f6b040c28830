namespace Pipeline.Fleet.Replica;

/// <summary>The replica's current fault: none, slow by a factor, or fail-fast. Read per request.</summary>
internal sealed class FaultSwitch
{
    private volatile State _state = new(FaultKind.None, 1);

    public FaultKind Kind => _state.Kind;

    /// <summary>Multiplier of the service time (1 unless slow).</summary>
    public double SlowFactor => _state.Factor;

    public void Set(FaultKind kind, double factor = 1) => _state = new(kind, kind == FaultKind.Slow ? factor : 1);

    /// <summary>Parses <c>none</c>, <c>slow</c>, <c>fail</c> or <c>die</c>.</summary>
    public static bool TryParse(string? text, out FaultKind kind) =>
        Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind);

    private sealed record State(FaultKind Kind, double Factor);
}
