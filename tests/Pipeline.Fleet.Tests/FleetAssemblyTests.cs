namespace Pipeline.Fleet.Tests;

public sealed class FleetAssemblyTests
{
    [Fact]
    public void Name_IsTheProjectName() => Assert.Equal("Pipeline.Fleet", FleetAssembly.Name);
}
