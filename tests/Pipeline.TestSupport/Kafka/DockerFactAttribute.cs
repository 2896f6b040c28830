using Xunit;

namespace Pipeline.TestSupport.Kafka;

/// <summary>A fact that runs only when a Docker engine answers; otherwise it is reported as skipped with the reason.</summary>
public sealed class DockerFactAttribute : FactAttribute
{
    public DockerFactAttribute()
    {
        if (!DockerProbe.Available) Skip = $"Testcontainers variant skipped: {DockerProbe.Unavailable}";
    }
}
