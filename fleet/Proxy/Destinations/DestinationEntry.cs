namespace Pipeline.Fleet.Proxy.Destinations;

/// <summary>One replica behind the proxy: its address, route weight and what the last <c>/stats</c> poll said.</summary>
internal sealed class DestinationEntry(string id, Uri address, DestinationMeter meter)
{
    public string Id { get; } = id;
    public Uri Address { get; set; } = address;
    public DestinationMeter Meter { get; } = meter;

    /// <summary>The meter's reading when the destination was added: its first metric interval counts from here.</summary>
    public MeterSnapshot Baseline { get; } = meter.Snapshot();

    /// <summary>When the destination was added (a <see cref="TimeProvider"/> timestamp).</summary>
    public long AddedAt { get; init; }

    /// <summary>Relative route weight (learned balancer); 1 until set.</summary>
    public double Weight { get; set; } = 1;

    /// <summary>Readiness from the last poll; true until a poll says otherwise (it is added once ready).</summary>
    public bool Ready { get; set; } = true;

    /// <summary>Workers the replica reported (0 when not known yet).</summary>
    public int Workers { get; set; }
}
