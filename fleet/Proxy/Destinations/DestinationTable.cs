using System.Collections.Concurrent;
using Yarp.ReverseProxy.Configuration;

namespace Pipeline.Fleet.Proxy.Destinations;

/// <summary>
/// The replicas the proxy routes to. Every change rebuilds YARP's one cluster through the in-memory config provider;
/// meters outlive removal, so a removed destination's in-flight requests can be watched until they drain.
/// </summary>
internal sealed class DestinationTable(InMemoryConfigProvider config, string service, string yarpPolicy, TimeProvider time)
{
    public const string RouteId = "all";

    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, DestinationEntry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DestinationMeter> _meters = new(StringComparer.Ordinal);

    public string Service => service;

    public ICollection<DestinationEntry> All => _entries.Values;

    public bool TryGet(string id, out DestinationEntry entry) => _entries.TryGetValue(id, out entry!);

    public DestinationMeter Meter(string id) => _meters.GetOrAdd(id, _ => new DestinationMeter());

    /// <summary>Adds the destination or moves it to a new address (weight kept).</summary>
    public DestinationEntry Upsert(string id, Uri address)
    {
        lock (_gate)
        {
            var entry = _entries.GetOrAdd(id, _ => new DestinationEntry(id, address, Meter(id)) { AddedAt = time.GetTimestamp() });
            entry.Address = address;
            entry.Ready = true;
            Publish();
            return entry;
        }
    }

    /// <summary>Stops routing new requests to the destination; false when it is not known.</summary>
    public bool Remove(string id)
    {
        lock (_gate)
        {
            if (!_entries.TryRemove(id, out _)) return false;
            Publish();
            return true;
        }
    }

    /// <summary>Sets the weights of known destinations; returns the ids that are not known (ignored).</summary>
    public IReadOnlyList<string> SetWeights(IReadOnlyDictionary<string, double> weights)
    {
        var unknown = new List<string>();
        foreach (var (id, weight) in weights)
        {
            if (_entries.TryGetValue(id, out var entry)) entry.Weight = weight;
            else unknown.Add(id);
        }
        return unknown;
    }

    /// <summary>The route and cluster of an empty table (what the proxy starts with).</summary>
    public static (RouteConfig Route, ClusterConfig Cluster) Initial(string service, string yarpPolicy) =>
        (Route(service), Cluster(service, yarpPolicy, new Dictionary<string, DestinationConfig>()));

    private void Publish()
    {
        var destinations = _entries.Values.ToDictionary(e => e.Id, e => new DestinationConfig { Address = e.Address.ToString() }, StringComparer.Ordinal);
        config.Update([Route(service)], [Cluster(service, yarpPolicy, destinations)]);
    }

    private static RouteConfig Route(string service) => new()
    {
        RouteId = RouteId,
        ClusterId = service,
        Order = 1000, // after the /admin endpoints
        Match = new RouteMatch { Path = "{**catch-all}" },
    };

    private static ClusterConfig Cluster(string service, string yarpPolicy, IReadOnlyDictionary<string, DestinationConfig> destinations) => new()
    {
        ClusterId = service,
        LoadBalancingPolicy = yarpPolicy,
        Destinations = destinations,
    };
}
