namespace Pipeline.Cli.Bench;

/// <summary>A count read once a second; its rate over the time it was growing (from its last zero to its final value).</summary>
internal sealed class Series
{
    private readonly List<(double Seconds, long Value)> _points = [];

    public long Last => _points.Count > 0 ? _points[^1].Value : 0;

    public void Add(double seconds, long value) => _points.Add((seconds, value));

    /// <summary>Seconds from the last reading at zero to the first reading at the final value.</summary>
    public double ActiveSeconds()
    {
        if (_points.Count == 0 || Last == 0) return 0;
        var start = _points.LastOrDefault(p => p.Value == 0).Seconds;
        var end = _points.First(p => p.Value == Last).Seconds;
        return end - start;
    }
}
