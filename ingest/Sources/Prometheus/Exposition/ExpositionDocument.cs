namespace Pipeline.Ingest.Sources.Prometheus.Exposition;

/// <summary>A parsed exposition: its samples, the declared <c># TYPE</c> per metric family and the lines that could not be read.</summary>
public sealed record ExpositionDocument(
    IReadOnlyList<ExpositionSample> Samples,
    IReadOnlyDictionary<string, string> Types,
    IReadOnlyList<string> Problems);
