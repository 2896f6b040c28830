namespace Pipeline.Fleet;

/// <summary>The real local cluster the pipeline can drive: replica service, YARP proxy, local process target, load generator.</summary>
internal static class FleetAssembly
{
    public const string Name = "Pipeline.Fleet";
}
