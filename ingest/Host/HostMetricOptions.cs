namespace Pipeline.Ingest.Host;

/// <summary>Options of the <c>host</c> metric source.</summary>
public sealed class HostMetricOptions
{
    /// <summary>Service id the machine reports under.</summary>
    public string Service { get; set; } = "host";

    /// <summary>Replica id; the machine name when empty.</summary>
    public string Replica { get; set; } = "";

    /// <summary>Folder holding <c>stat</c> and <c>meminfo</c>.</summary>
    public string ProcPath { get; set; } = "/proc";
}
