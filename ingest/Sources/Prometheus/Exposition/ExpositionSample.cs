namespace Pipeline.Ingest.Sources.Prometheus.Exposition;

/// <summary>One sample line of the Prometheus text exposition format: metric name, labels and value.</summary>
public sealed record ExpositionSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    /// <summary>The value of label <paramref name="name"/>, or an empty string when the sample lacks it.</summary>
    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : "";
}
