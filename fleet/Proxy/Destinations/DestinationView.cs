namespace Pipeline.Fleet.Proxy.Destinations;

/// <summary>One row of <c>GET /admin/destinations</c>.</summary>
internal sealed record DestinationView(string Id, string Address, bool Ready, double Weight, int InFlight)
{
    public static DestinationView Of(DestinationEntry e) =>
        new(e.Id, e.Address.GetLeftPart(UriPartial.Authority), e.Ready, e.Weight, e.Meter.InFlight);
}
