namespace Pipeline.Actuator.Safety;

/// <summary>The decision ids already acted on, oldest forgotten first beyond a capacity; makes the actuator idempotent by id.</summary>
internal sealed class DecisionLedger(int capacity)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>Records <paramref name="decisionId"/>; false when it was already recorded.</summary>
    public bool TryRecord(string decisionId)
    {
        if (!_seen.Add(decisionId)) return false;
        _order.Enqueue(decisionId);
        if (_order.Count > capacity) _seen.Remove(_order.Dequeue());
        return true;
    }
}
