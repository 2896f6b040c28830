namespace Pipeline.Simulator.References;

/// <summary>
/// Demand in replicas over time: the replicas the offered load needs at the target utilization,
/// max(1, ceil(rate * mean service time / (workers * target utilization))), one value per load-profile row.
/// </summary>
public sealed class DemandCurve
{
    private readonly int[] _rows;

    /// <summary>Builds the curve from per-row offered rates (req/s) of rows <paramref name="rowSeconds"/> long.</summary>
    public DemandCurve(IReadOnlyList<double> ratesPerSecond, double rowSeconds, double meanServiceSeconds, int workers, double targetUtilization)
    {
        RowSeconds = rowSeconds;
        CapacityPerReplica = workers * targetUtilization / meanServiceSeconds;
        _rows = new int[ratesPerSecond.Count];
        for (var i = 0; i < _rows.Length; i++) _rows[i] = ReplicasFor(ratesPerSecond[i]);
        Peak = _rows.Length == 0 ? 1 : _rows.Max();
    }

    /// <summary>A curve of given replica counts per row (no single per-replica capacity: <see cref="CapacityPerReplica"/> is NaN).</summary>
    public DemandCurve(IReadOnlyList<int> replicasPerRow, double rowSeconds)
    {
        RowSeconds = rowSeconds;
        CapacityPerReplica = double.NaN;
        _rows = [.. replicasPerRow.Select(r => Math.Max(1, r))];
        Peak = _rows.Length == 0 ? 1 : _rows.Max();
    }

    /// <summary>The curve with every row's replicas multiplied by <paramref name="factor"/>, rounded up (headroom).</summary>
    public DemandCurve Scaled(double factor) => new([.. _rows.Select(r => (int)Math.Ceiling(r * factor - 1e-9))], RowSeconds);

    /// <summary>Requests per second one replica serves at the target utilization.</summary>
    public double CapacityPerReplica { get; }

    /// <summary>Length of one row in seconds.</summary>
    public double RowSeconds { get; }

    /// <summary>Largest demand over the curve.</summary>
    public int Peak { get; }

    /// <summary>Replicas needed for a rate.</summary>
    public int ReplicasFor(double ratePerSecond) => Math.Max(1, (int)Math.Ceiling(ratePerSecond / CapacityPerReplica - 1e-9));

    /// <summary>Demand at <paramref name="seconds"/> after the start (the last row's value beyond the end).</summary>
    public int At(double seconds)
    {
        if (_rows.Length == 0) return 1;
        var i = (long)Math.Floor(seconds / RowSeconds);
        return _rows[Math.Clamp(i, 0, _rows.Length - 1)];
    }

    /// <summary>Largest demand over [from, to] seconds.</summary>
    public int MaxOver(double from, double to)
    {
        if (_rows.Length == 0) return 1;
        var a = (int)Math.Clamp((long)Math.Floor(from / RowSeconds), 0, _rows.Length - 1);
        var b = (int)Math.Clamp((long)Math.Floor(to / RowSeconds), 0, _rows.Length - 1);
        var max = 1;
        for (var i = a; i <= b; i++) max = Math.Max(max, _rows[i]);
        return max;
    }
}
