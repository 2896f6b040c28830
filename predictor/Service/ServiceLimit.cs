namespace Pipeline.Predictor.Service;

/// <summary>The services a stage holds state for, at most <c>max</c>: a further one is refused with the reason.</summary>
internal sealed class ServiceLimit(int max)
{
    private readonly HashSet<string> _services = new(StringComparer.Ordinal);

    /// <summary>Services admitted so far.</summary>
    public int Count => _services.Count;

    /// <summary>Frees the place of a service whose state was evicted.</summary>
    public void Release(string service) => _services.Remove(service);

    /// <summary>Null when <paramref name="service"/> is (or now becomes) one of the admitted services, else why not.</summary>
    public string? Refusal(string service) =>
        _services.Contains(service) || (_services.Count < max && _services.Add(service)) ? null
        : $"limit: the predictor already decides for {_services.Count} services (the limit, --max-services); window of service {service} not decided";
}
