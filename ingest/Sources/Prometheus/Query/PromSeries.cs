namespace Pipeline.Ingest.Sources.Prometheus.Query;

/// <summary>One element of an instant vector: its labels and value.</summary>
internal sealed record PromSeries(IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string Label(string name) => Labels.TryGetValue(name, out var value) ? value : "";
}

/// <summary>A query Prometheus could not answer, or whose answer could not be read; the message is the reason.</summary>
internal sealed class PromQueryException(string message) : Exception(message);
